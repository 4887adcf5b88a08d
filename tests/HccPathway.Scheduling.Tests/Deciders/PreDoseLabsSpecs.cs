using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Labs;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>SCHED-LAB: labs before each camrelizumab dose and TACE session, moving and cancelled with it.</summary>
public sealed class PreDoseLabsSpecs
{
    private static PlanItem Labs(TherapyPlan plan, string doseId) => plan.Find("LAB-" + doseId)!;

    [Fact]
    public void Given_a_new_plan_then_every_dose_and_session_has_labs_exactly_PreDoseLabsDaysBefore_days_earlier()
    {
        var plan = Given.Planned();

        var doses = plan.Items.Where(i => i.ItemType is TherapyItemTypes.Camrelizumab or TherapyItemTypes.Tace).ToList();
        Assert.Equal(7, doses.Count);
        Assert.All(doses, dose =>
        {
            var labs = Labs(plan, dose.ItemId);
            Assert.Equal((TherapyItemTypes.PreDoseLabs, dose.DueOn.AddDays(-Given.Rules.PreDoseLabsDaysBefore), dose.ItemId, "SCHED-LAB", PlanIds.NoDrug),
                (labs.ItemType, labs.DueOn, labs.FollowsItemId, labs.RuleId, labs.Drug));
        });
        Assert.Equal(D(6, 14), Labs(plan, "TACE-1").DueOn);
        Assert.Null(plan.Find("LAB-LEN-1"));
        Assert.Null(plan.Find("LAB-IMG-1"));
    }

    [Fact]
    public void Given_TACE_done_late_then_the_camrelizumab_labs_move_with_their_doses_and_the_session_closes_its_own_labs()
    {
        var plan = Given.Started();

        plan = plan.Then(plan.Tace(D(6, 22)));

        Assert.Equal((D(7, 4), D(7, 6)), (plan.Due("LAB-CAM-1"), plan.Due("CAM-1")));
        Assert.Equal((ItemState.Done, (DateOnly?)D(6, 22)), (Labs(plan, "TACE-1").State, Labs(plan, "TACE-1").ActualOn));
    }

    [Fact]
    public void Given_a_dose_delayed_then_its_labs_follow_it()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));

        plan = plan.Then(plan.Delay("CAM-1", D(7, 7)));

        Assert.Equal(D(7, 5), plan.Due("LAB-CAM-1"));
        Assert.Equal(D(7, 26), plan.Due("LAB-CAM-2"));
    }

    [Fact]
    public void Given_a_dose_cancelled_then_its_labs_are_cancelled_naming_SCHED_LAB_and_the_new_dose_gets_labs_once()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));

        var decision = plan.Cancel("CAM-2", D(7, 1));

        var labs = Assert.Single(decision.Events.OfType<TherapyItemCancelled>(), c => c.ItemType == TherapyItemTypes.PreDoseLabs);
        Assert.Equal(("LAB-CAM-2", "SCHED-LAB"), (labs.ItemId, labs.RuleId));
        Assert.Contains(decision.Events.OfType<TherapyItemPlanned>(), i => i.ItemId == "LAB-CAM-7");
        var after = plan.Then(decision);
        Assert.Empty(PreDoseLabs.Restore(after, Given.Rules, Given.Now));
    }

    [Fact]
    public void Given_a_dose_skipped_then_its_labs_are_cancelled_too()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));

        plan = plan.Then(plan.Skip("CAM-1", D(6, 30)));

        Assert.Equal(ItemState.Cancelled, Labs(plan, "CAM-1").State);
    }
}
