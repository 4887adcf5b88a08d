using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Holds;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class HoldSpecs
{
    private static readonly Guid AeId = Guid.NewGuid();

    private static AdverseEventLedger Reported(int grade, bool related = true, params string[] drugs)
    {
        var ledger = new AdverseEventLedger { Id = AeId, Reported = true, CtcaeTerm = "Hypertension", TreatmentRelated = related, SuspectedDrugs = [.. drugs] };
        ledger.Add(new LedgerGrading(D(6, 10), grade, Given.Now, "reported"));
        return ledger;
    }

    private static IReadOnlyList<object> Reconcile(TherapyPlan plan, AdverseEventLedger ledger) =>
        ReconcileHolds.Decide(plan, plan.Id, ledger, Given.Rules, Given.Now).Events;

    [Fact]
    public void Given_a_treatment_related_grade_3_AE_when_reported_then_SCHED_HOLD_holds_each_suspected_drug_with_the_AE_reference()
    {
        var events = Reconcile(Given.Started(), Reported(3, true, Drugs.Lenvatinib, Drugs.Camrelizumab));

        var held = events.OfType<TreatmentHeld>().ToList();
        Assert.Equal([Drugs.Lenvatinib, Drugs.Camrelizumab], held.Select(h => h.Drug).Order().Reverse());
        Assert.All(held, h => Assert.Equal((AeId, D(6, 10), 3, "SCHED-HOLD"), (h.AdverseEventId, h.HeldFrom, h.Grade, h.RuleId)));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(4, false)]
    public void Given_an_AE_below_grade_3_or_not_treatment_related_when_reported_then_SCHED_HOLD_holds_nothing(int grade, bool related)
    {
        Assert.Empty(Reconcile(Given.Started(), Reported(grade, related, Drugs.Lenvatinib)));
    }

    [Fact]
    public void Given_a_hold_when_the_same_facts_arrive_again_then_nothing_more_is_appended()
    {
        var plan = Given.Started();
        var ledger = Reported(3, true, Drugs.Lenvatinib);
        var held = Given.Fold(plan, Reconcile(plan, ledger));

        Assert.Empty(Reconcile(held, ledger));
    }

    [Fact]
    public void Given_a_hold_when_the_AE_resolves_to_grade_1_then_the_drug_is_resumable_but_still_held_until_a_clinician_resumes_it()
    {
        var plan = Given.Started();
        var ledger = Reported(3, true, Drugs.Lenvatinib);
        plan = Given.Fold(plan, Reconcile(plan, ledger));
        ledger.Add(new LedgerGrading(D(6, 20), 1, Given.Now.AddDays(19), "resolved"));

        var resumable = Assert.Single(Reconcile(plan, ledger).OfType<TreatmentResumable>());
        plan = Given.Fold(plan, [resumable]);

        Assert.Equal(D(6, 20), resumable.ResumableFrom);
        Assert.True(plan.IsHeld(Drugs.Lenvatinib));
        var resumed = Given.Single<TreatmentResumed>(ResumeTreatment.Decide(plan, Drugs.Lenvatinib, new(D(6, 21), "BP controlled"), "dr-house", D(6, 21), Given.At(D(6, 21)), Given.Options));
        Assert.False(Given.Fold(plan, [resumed]).IsHeld(Drugs.Lenvatinib));
    }

    [Fact]
    public void Given_a_resolution_that_arrived_before_its_report_when_the_report_arrives_then_the_hold_is_recorded_and_already_resumable()
    {
        var plan = Given.Started();
        var ledger = new AdverseEventLedger { Id = AeId };
        ledger.Add(new LedgerGrading(D(6, 20), 0, Given.Now.AddDays(19), "resolved"));
        Assert.Empty(Reconcile(plan, ledger));

        var reported = Reported(3, true, Drugs.Camrelizumab);
        ledger.Reported = true;
        ledger.CtcaeTerm = reported.CtcaeTerm;
        ledger.TreatmentRelated = true;
        ledger.SuspectedDrugs = reported.SuspectedDrugs;
        ledger.Add(reported.Gradings[0]);
        var events = Reconcile(plan, ledger);

        Assert.Equal([typeof(TreatmentHeld), typeof(TreatmentResumable)], events.Select(e => e.GetType()));
        var after = Given.Fold(plan, events);
        Assert.True(after.IsHeld(Drugs.Camrelizumab));
        Assert.True(after.OpenHolds(Drugs.Camrelizumab).Single().IsResumable);
    }

    [Fact]
    public void Given_a_grade_2_report_when_the_grade_rises_to_3_then_the_hold_starts_on_the_day_of_the_change()
    {
        var plan = Given.Started();
        var ledger = Reported(2, true, Drugs.Lenvatinib);
        ledger.Add(new LedgerGrading(D(6, 14), 3, Given.Now.AddDays(13), "grade-changed"));

        Assert.Equal(D(6, 14), Assert.Single(Reconcile(plan, ledger).OfType<TreatmentHeld>()).HeldFrom);
    }

    [Fact]
    public void Given_a_hold_not_yet_resolved_when_a_clinician_resumes_then_409_SCHED_HOLD()
    {
        var plan = Given.Started();
        plan = Given.Fold(plan, Reconcile(plan, Reported(3, true, Drugs.Lenvatinib)));

        var rejection = Given.Refused(ResumeTreatment.Decide(plan, Drugs.Lenvatinib, new(D(6, 12), "try"), "dr-house", D(6, 12), Given.At(D(6, 12)), Given.Options), RejectionKind.Conflict);

        Assert.Equal("SCHED-HOLD", rejection.RuleId);
    }

    [Fact]
    public void Given_camrelizumab_held_when_a_dose_is_recorded_then_409_SCHED_HOLD()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = Given.Fold(plan, Reconcile(plan, Reported(3, true, Drugs.Camrelizumab)));

        Assert.Equal("SCHED-HOLD", Given.Refused(plan.Camrelizumab(D(6, 30)), RejectionKind.Conflict).RuleId);
    }
}
