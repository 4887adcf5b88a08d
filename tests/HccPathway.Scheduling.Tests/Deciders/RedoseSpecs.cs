using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.Scheduling.TherapyPlans.Redosing;

using static HccPathway.Scheduling.Tests.Deciders.UpstreamBaselines;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class RedoseSpecs
{
    private static TherapyPlan PlannedAt(decimal weightKg)
    {
        var id = Guid.NewGuid();
        var baseline = Given.Fold(new TherapyPlan(), [Assessed(id, weightKg)]);
        return baseline.Then(PlanRegimen.Decide(baseline, Given.Enrolment(id, weightKg), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now));
    }

    [Fact]
    public void SCHED_LEN_given_a_plan_for_72_kg_when_the_weight_is_corrected_to_52_kg_then_the_outstanding_start_is_redosed_to_8_mg_naming_the_correction()
    {
        var plan = PlannedAt(72m);
        var correction = WeightCorrected(plan.Id, 72m, 52m);
        plan = Given.Fold(plan, [correction]);

        var redosed = Given.Single<TherapyItemRedosed>(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now));

        Assert.Equal((PlanIds.LenvatinibStart, 12m, 8m, 52m, correction.CorrectionId, "SCHED-LEN"),
            (redosed.ItemId, redosed.PreviousDoseMg, redosed.DoseMg, redosed.WeightKg, redosed.CausedBy, redosed.RuleId));
        var after = Given.Fold(plan, [redosed]);
        Assert.Equal(8m, after.Find(PlanIds.LenvatinibStart)!.DoseMg);
        Assert.Equal((8m, 8m, 52m), (after.PlannedLenvatinibDoseMg, after.LenvatinibDoseMg, after.WeightKg));
    }

    [Fact]
    public void Given_a_redose_when_the_correction_is_delivered_again_then_nothing_more_is_appended()
    {
        var plan = Given.Fold(PlannedAt(72m), [WeightCorrected(Guid.Empty, 72m, 52m)]);
        plan = plan.Then(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now));

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
    }

    [Fact]
    public void Given_a_weight_corrected_on_the_same_side_of_the_threshold_then_the_dose_stays()
    {
        var plan = Given.Fold(PlannedAt(72m), [WeightCorrected(Guid.Empty, 72m, 65m)]);

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
    }

    [Fact]
    public void Given_a_correction_of_a_superseded_baseline_then_the_dose_stays()
    {
        var plan = Given.Fold(PlannedAt(72m), [WeightCorrected(Guid.Empty, 72m, 52m, isLatest: false)]);

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
    }

    [Fact]
    public void Given_two_corrections_then_the_dose_follows_the_latest_on_the_stream()
    {
        var plan = Given.Fold(PlannedAt(72m), [WeightCorrected(Guid.Empty, 72m, 52m), WeightCorrected(Guid.Empty, 52m, 70m)]);

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
    }

    [Fact]
    public void Given_lenvatinib_already_running_then_the_course_is_left_to_the_clinician()
    {
        var started = Given.Started(72m);
        var plan = Given.Fold(started, [Assessed(started.Id, 72m), WeightCorrected(started.Id, 72m, 52m)]);

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
    }

    [Fact]
    public void Given_a_correction_on_the_stream_before_the_regimen_is_planned_then_the_plan_uses_the_corrected_weight()
    {
        var id = Guid.NewGuid();
        var state = Given.Fold(new TherapyPlan(), [Assessed(id, 72m), WeightCorrected(id, 72m, 52m)]);

        var planned = Given.Single<RegimenPlanned>(PlanRegimen.Decide(state, Given.Enrolment(id, 72m), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now));

        Assert.Equal((52m, 8m), (planned.WeightKg, planned.LenvatinibDailyDoseMg));
    }

    [Fact]
    public void Given_an_exited_patient_then_nothing_is_redosed()
    {
        var plan = Given.Fold(PlannedAt(72m), [WeightCorrected(Guid.Empty, 72m, 52m)]);
        plan = plan with { Exit = new PathwayExited(plan.Id, PathwayExitReason.Died, Given.Today, "", "dr-house", Given.Now) };

        Assert.Empty(RedoseLenvatinib.Decide(plan, Given.Rules, Given.Now).Events);
        Assert.Equal(Drugs.Lenvatinib, plan.Find(PlanIds.LenvatinibStart)!.Drug);
    }
}
