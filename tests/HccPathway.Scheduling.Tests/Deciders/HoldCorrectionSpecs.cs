using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Holds;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class HoldCorrectionSpecs
{
    private static readonly Guid AeId = Guid.NewGuid();

    private static AdverseEventLedger Reported(int grade)
    {
        var ledger = new AdverseEventLedger { Id = AeId, Reported = true, CtcaeTerm = "Hypertension", TreatmentRelated = true, SuspectedDrugs = [Drugs.Lenvatinib] };
        ledger.Add(new LedgerGrading(D(6, 10), grade, Given.Now, AdverseEventLedger.ReportedSource));
        return ledger;
    }

    private static AdverseEventCorrected Correction(int grade, DateTimeOffset? at = null, bool related = true) => new(
        Guid.Empty, AeId, Guid.NewGuid(), "Hypertension", grade, D(6, 10), related, [Drugs.Lenvatinib], grade, "graded from the wrong reading", "dr-onc", at ?? Given.Now.AddDays(1));

    private static IReadOnlyList<object> Reconcile(TherapyPlan plan, AdverseEventLedger ledger) =>
        ReconcileHolds.Decide(plan, plan.Id, ledger, Given.Rules, Given.Now).Events;

    private static (TherapyPlan Plan, AdverseEventLedger Ledger) Held()
    {
        var plan = Given.Started();
        var ledger = Reported(3);
        plan = Given.Fold(plan, Reconcile(plan, ledger));
        Assert.True(plan.IsHeld(Drugs.Lenvatinib));
        return (plan, ledger);
    }

    [Fact]
    public void SCHED_HOLD_given_a_hold_when_its_AE_is_entered_in_error_then_the_hold_is_released_naming_the_correction_and_lenvatinib_is_no_longer_held()
    {
        var (plan, ledger) = Held();
        var correctionId = Guid.NewGuid();
        ledger.MarkEnteredInError(correctionId);

        var released = Assert.IsType<TreatmentHoldReleased>(Assert.Single(Reconcile(plan, ledger)));

        Assert.Equal((AeId, Drugs.Lenvatinib, correctionId, "entered-in-error", "SCHED-HOLD"),
            (released.AdverseEventId, released.Drug, released.CausedBy, released.Reason, released.RuleId));
        var after = Given.Fold(plan, [released]);
        Assert.False(after.IsHeld(Drugs.Lenvatinib));
        Assert.Empty(Reconcile(after, ledger));
    }

    [Fact]
    public void SCHED_HOLD_given_a_hold_when_the_grade_is_corrected_below_3_then_the_hold_is_released_and_a_redelivery_appends_nothing()
    {
        var (plan, ledger) = Held();
        var correction = Correction(grade: 2);
        ledger.Correct(correction);

        var released = Assert.IsType<TreatmentHoldReleased>(Assert.Single(Reconcile(plan, ledger)));
        Assert.Equal(("corrected", correction.CorrectionId), (released.Reason, released.CausedBy));
        var after = Given.Fold(plan, [released]);

        ledger.Correct(correction);
        Assert.Empty(Reconcile(after, ledger));
        Assert.False(after.IsHeld(Drugs.Lenvatinib));
    }

    [Fact]
    public void SCHED_HOLD_given_no_hold_when_the_grade_is_corrected_to_3_then_a_hold_starts()
    {
        var plan = Given.Started();
        var ledger = Reported(2);
        Assert.Empty(Reconcile(plan, ledger));

        ledger.Correct(Correction(grade: 3));

        var held = Assert.IsType<TreatmentHeld>(Assert.Single(Reconcile(plan, ledger)));
        Assert.Equal((Drugs.Lenvatinib, 3, D(6, 10)), (held.Drug, held.Grade, held.HeldFrom));
    }

    [Fact]
    public void Given_a_hold_when_the_AE_is_corrected_to_not_treatment_related_then_the_hold_is_released()
    {
        var (plan, ledger) = Held();

        ledger.Correct(Correction(grade: 3, related: false));

        Assert.IsType<TreatmentHoldReleased>(Assert.Single(Reconcile(plan, ledger)));
    }

    [Fact]
    public void Given_a_correction_that_arrived_before_the_report_when_the_report_arrives_then_the_correction_still_counts()
    {
        var ledger = new AdverseEventLedger { Id = AeId };
        ledger.Correct(Correction(grade: 2));

        // The report's fields are not recorded once a correction is known (AdverseEventReportedConsumer).
        ledger.Reported = true;

        Assert.Equal(2, Assert.Single(ledger.ToClinical().Gradings).Grade);
        Assert.Empty(Reconcile(Given.Started(), ledger));
    }

    [Fact]
    public void Given_two_corrections_in_reverse_order_then_the_later_one_counts()
    {
        var ledger = Reported(3);
        ledger.Correct(Correction(grade: 4, at: Given.Now.AddDays(2)));
        ledger.Correct(Correction(grade: 2, at: Given.Now.AddDays(1)));

        Assert.Equal(4, Assert.Single(ledger.ToClinical().Gradings).Grade);
    }

    [Fact]
    public void Given_a_resumed_hold_when_its_AE_is_entered_in_error_then_the_closed_hold_stays_in_history()
    {
        var (plan, ledger) = Held();
        ledger.Add(new LedgerGrading(D(6, 20), 1, Given.Now.AddDays(19), "resolved"));
        plan = Given.Fold(plan, Reconcile(plan, ledger));
        plan = plan.Then(ResumeTreatment.Decide(plan, Drugs.Lenvatinib, new(D(6, 21), "BP controlled"), "dr-house", D(6, 21), Given.At(D(6, 21)), Given.Options));

        ledger.MarkEnteredInError(Guid.NewGuid());

        Assert.Empty(Reconcile(plan, ledger));
    }
}
