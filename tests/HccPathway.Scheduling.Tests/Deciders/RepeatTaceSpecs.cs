using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class RepeatTaceSpecs
{
    /// <summary>Lenvatinib from 2 June, TACE-1 performed on 16 June; CAM-1 due 30 June.</summary>
    private static TherapyPlan AfterFirstTace()
    {
        var plan = Given.Started();
        return plan.Then(plan.Tace(D(6, 16)));
    }

    [Fact]
    public void Given_TACE_1_on_16_June_when_a_session_is_ordered_for_1_July_then_409_SCHED_TACE_REPEAT_and_nothing_appended()
    {
        var rejection = Given.Refused(AfterFirstTace().OrderTace(D(7, 1), today: D(6, 20)), RejectionKind.Conflict);

        Assert.Equal("SCHED-TACE-REPEAT", rejection.RuleId);
        Assert.Contains("2026-07-14", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_TACE_1_outstanding_when_a_second_session_is_ordered_inside_the_interval_of_its_due_date_then_409()
    {
        Assert.Equal("SCHED-TACE-REPEAT", Given.Refused(Given.Started().OrderTace(D(7, 1), today: D(6, 3)), RejectionKind.Conflict).RuleId);
    }

    [Fact]
    public void Given_camrelizumab_not_started_when_TACE_2_is_ordered_28_days_later_then_it_is_planned_and_CAM_1_follows_it()
    {
        var plan = AfterFirstTace();

        var decision = plan.OrderTace(D(7, 14), today: D(6, 20));

        var planned = Given.SinglePlanned(decision);
        Assert.Equal("TACE-2", Assert.Single(decision.Events.OfType<TherapyItemPlanned>(), i => i.ItemType == TherapyItemTypes.PreDoseLabs).FollowsItemId);
        Assert.Equal(("TACE-2", TherapyItemTypes.Tace, 2, D(7, 14), "SCHED-TACE-REPEAT", (string?)null),
            (planned.ItemId, planned.ItemType, planned.Sequence, planned.DueOn, planned.RuleId, planned.FollowsItemId));
        var ordered = Given.Single<TaceSessionOrdered>(decision);
        Assert.Equal(("TACE-2", "CAM-1", "MDT: residual arterial enhancement", "dr-house"), (ordered.ItemId, ordered.CamrelizumabItemId, ordered.Reason, ordered.OrderedBy));
        var after = plan.Then(decision);
        Assert.Equal((D(7, 28), D(8, 18)), (after.Due("CAM-1"), after.Due("CAM-2")));
        Assert.Equal("TACE-2", decision.Events.OfType<TherapyItemRescheduled>().First().CausedByItemId);
    }

    [Fact]
    public void Given_camrelizumab_started_when_TACE_2_is_ordered_then_the_series_keeps_its_dates()
    {
        var plan = AfterFirstTace();
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));

        var decision = plan.OrderTace(D(7, 20), today: D(7, 1));

        Assert.Null(Given.Single<TaceSessionOrdered>(decision).CamrelizumabItemId);
        Assert.Empty(decision.Events.OfType<TherapyItemRescheduled>());
        Assert.Equal(D(7, 21), plan.Then(decision).Due("CAM-2"));
    }

    [Fact]
    public void Given_TACE_2_ordered_when_performed_inside_the_interval_then_409_and_after_it_the_washout_counts_from_TACE_2()
    {
        var plan = AfterFirstTace();
        plan = plan.Then(plan.OrderTace(D(7, 14), today: D(6, 20)));

        Assert.Equal("SCHED-TACE-REPEAT", Given.Refused(plan.Tace(D(7, 10), session: 2), RejectionKind.Conflict).RuleId);
        var performed = plan.Tace(D(7, 15), session: 2);
        Assert.Equal(("TACE-2", 2), (Given.Single<TacePerformed>(performed).ItemId, Given.Single<TacePerformed>(performed).SessionNumber));
        plan = plan.Then(performed);
        Assert.Equal(D(7, 29), plan.Due("CAM-1"));

        var resect = new MdtDecisionRecorded(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR", ["surgeon"], D(8, 1), D(9, 30), "SURG-READY", true, "dr-house", Given.At(D(8, 1)));
        var washout = Assert.IsType<WashoutPlanned>(PlanWashout.Decide(plan, resect, Given.Rules, D(8, 1), Given.At(D(8, 1))).Events[0]);

        var tace = washout.Stops.Single(s => s.DrugClass == DrugClasses.Tace);
        Assert.Equal((D(7, 15), D(8, 12)), (tace.LastExposureOn, tace.EarliestSurgeryOn));
    }

    [Fact]
    public void Given_an_ordered_session_without_reason_then_400()
    {
        Assert.Contains("reason", Given.Refused(AfterFirstTace().OrderTace(D(7, 20), today: D(6, 20), reason: " "), RejectionKind.Invalid).Errors!.Keys);
    }
}
