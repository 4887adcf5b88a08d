using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class CyclesSpecs
{
    private static TherapyPlan AfterTace()
    {
        var plan = Given.Started();
        return plan.Then(plan.Tace(D(6, 16)));
    }

    private static int Outstanding(TherapyPlan plan) => plan.Items.Count(i => i.ItemType == TherapyItemTypes.Camrelizumab && i.IsOutstanding);

    [Fact]
    public void Given_six_doses_planned_when_CAM_1_is_given_then_SCHED_CYCLES_plans_CAM_7_21_days_after_CAM_6_and_six_stay_ahead()
    {
        var plan = AfterTace();

        var decision = plan.Camrelizumab(D(6, 30));

        var next = Given.SinglePlanned(decision);
        Assert.Equal(("CAM-7", 7, "CAM-6", 21, "SCHED-CYCLES", 200m), (next.ItemId, next.Sequence, next.FollowsItemId, next.DaysAfter, next.RuleId, next.DoseMg));
        Assert.Equal(plan.Due("CAM-6").AddDays(21), next.DueOn);
        var labs = Assert.Single(decision.Events.OfType<TherapyItemPlanned>(), i => i.ItemType == TherapyItemTypes.PreDoseLabs);
        Assert.Equal(("LAB-CAM-7", next.DueOn.AddDays(-2), "CAM-7", -2), (labs.ItemId, labs.DueOn, labs.FollowsItemId, labs.DaysAfter));
        Assert.Equal(6, Outstanding(plan.Then(decision)));
    }

    [Fact]
    public void Given_nine_doses_given_when_counted_then_the_plan_never_ran_out_and_the_next_is_always_due()
    {
        var plan = AfterTace();
        var on = D(6, 30);
        for (var n = 1; n <= 9; n++, on = on.AddDays(21))
        {
            plan = plan.Then(plan.Camrelizumab(on));
        }

        Assert.Equal(9, plan.Items.Count(i => i.ItemType == TherapyItemTypes.Camrelizumab && i.State == ItemState.Done));
        Assert.Equal((6, on), (Outstanding(plan), plan.Due("CAM-10")));
    }

    [Fact]
    public void Given_a_washout_for_surgery_when_a_remaining_dose_is_given_then_no_further_dose_is_planned()
    {
        var plan = AfterTace();
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));
        plan = plan.Then(plan.Camrelizumab(D(7, 21)));
        var resect = new MdtDecisionRecorded(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR", ["surgeon"], D(8, 1), D(8, 31), "SURG-READY", true, "dr-house", Given.At(D(8, 1)));
        plan = Given.Fold(plan, PlanWashout.Decide(plan, resect, Given.Rules, D(8, 1), Given.At(D(8, 1))).Events);

        var decision = plan.Camrelizumab(D(8, 11));

        Assert.Single(decision.Events.OfType<CamrelizumabAdministered>());
        Assert.Empty(decision.Events.OfType<TherapyItemPlanned>());
    }
}
