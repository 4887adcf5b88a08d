using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>The booked resection as a plan item, and SURG-WASH's lenvatinib stop moving with its date.</summary>
public sealed class ResectionItemSpecs
{
    private static readonly DateOnly Today = D(8, 1);
    private static readonly Guid ResectionId = Guid.NewGuid();

    private static WashoutEvaluation NoWashout(DateOnly on) => new(on, [], on, false, null, []);

    private static ResectionScheduled Booked(TherapyPlan plan, DateOnly on) => new(plan.Id, ResectionId, Guid.NewGuid(), on, "right hepatectomy",
        ReadinessVerdicts.Ready, [], NoWashout(Today), false, null, "2025.1", "dr-grey", Given.At(Today));

    private static ResectionRescheduled Moved(TherapyPlan plan, DateOnly from, DateOnly to) => new(plan.Id, ResectionId, from, to, "Theatre list moved.",
        ReadinessVerdicts.Ready, [], NoWashout(Today), false, null, "2025.1", "dr-grey", Given.At(Today));

    private static ResectionCancelled Cancelled(TherapyPlan plan, DateOnly on) => new(plan.Id, ResectionId, on, "Patient declined surgery.", "dr-grey", Given.At(Today));

    private static IReadOnlyList<object> Follow(TherapyPlan plan) => FollowResectionBooking.Decide(plan, Given.Rules, Today, Given.At(Today)).Events;

    private static TherapyPlan Followed(TherapyPlan plan) => plan.Then(FollowResectionBooking.Decide(plan, Given.Rules, Today, Given.At(Today)));

    [Fact]
    public void Given_lenvatinib_running_when_a_resection_is_booked_then_the_resection_item_is_planned_on_that_date_and_lenvatinib_stops_7_days_before()
    {
        var plan = Given.Started();
        plan = plan.Apply(Booked(plan, D(8, 31)));

        var events = Follow(plan);

        var planned = events.OfType<TherapyItemPlanned>().ToArray();
        var resection = Assert.Single(planned, p => p.ItemType == TherapyItemTypes.Resection);
        Assert.Equal(("RES-1", D(8, 31), PlanIds.NoDrug, TherapyPhases.Washout), (resection.ItemId, resection.DueOn, resection.Drug, resection.Phase));
        Assert.Contains("right hepatectomy", resection.Route);
        var stop = Assert.Single(planned, p => p.ItemType == TherapyItemTypes.LenvatinibStop);
        Assert.Equal((D(8, 24), "SURG-WASH"), (stop.DueOn, stop.RuleId));
    }

    [Fact]
    public void Given_the_MDT_washout_planned_for_another_date_when_the_resection_is_booked_then_the_lenvatinib_stop_moves_to_the_booked_date()
    {
        var plan = Given.Started();
        var mdt = new MdtDecisionRecorded(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR", ["surgeon"], Today, D(8, 31), "SURG-READY", true, "dr", Given.At(Today));
        plan = plan.Then(PlanWashout.Decide(plan, mdt, Given.Rules, Today, Given.At(Today)));
        Assert.Equal(D(8, 24), plan.Due("LEN-STOP-1"));

        var events = Follow(plan.Apply(Booked(plan, D(9, 7))));

        var moved = Assert.Single(events.OfType<TherapyItemRescheduled>());
        Assert.Equal(("LEN-STOP-1", D(8, 24), D(8, 31), "SURG-WASH"), (moved.ItemId, moved.PreviousDueOn, moved.DueOn, moved.RuleId));
        Assert.Equal(D(9, 7), Assert.Single(events.OfType<TherapyItemPlanned>()).DueOn);
    }

    [Fact]
    public void Given_a_booked_resection_when_it_is_rescheduled_then_the_item_and_the_lenvatinib_stop_move_with_the_reason()
    {
        var plan = Given.Started();
        plan = Followed(plan.Apply(Booked(plan, D(8, 31))));

        var events = Follow(plan.Apply(Moved(plan, D(8, 31), D(9, 14))));

        var moves = events.OfType<TherapyItemRescheduled>().ToDictionary(m => m.ItemId);
        Assert.Equal(2, events.Count);
        Assert.Equal((D(8, 31), D(9, 14), "Theatre list moved.", RescheduleCauses.Rescheduled),
            (moves["RES-1"].PreviousDueOn, moves["RES-1"].DueOn, moves["RES-1"].Reason, moves["RES-1"].Cause));
        Assert.Equal(D(9, 7), moves["LEN-STOP-1"].DueOn);
    }

    [Fact]
    public void Given_a_resection_moved_to_within_7_days_when_followed_then_lenvatinib_stops_today_not_in_the_past()
    {
        var plan = Given.Started();
        plan = Followed(plan.Apply(Booked(plan, D(8, 31))));

        var moved = Followed(plan.Apply(Moved(plan, D(8, 31), D(8, 5))));

        Assert.Equal((D(8, 5), Today), (moved.Due("RES-1"), moved.Due("LEN-STOP-1")));
    }

    [Fact]
    public void Given_a_booked_resection_when_it_is_cancelled_then_the_item_and_the_lenvatinib_stop_are_cancelled_with_the_reason()
    {
        var plan = Given.Started();
        plan = Followed(plan.Apply(Booked(plan, D(8, 31))));

        var after = Followed(plan.Apply(Cancelled(plan, D(8, 31))));

        var item = after.Find("RES-1")!;
        Assert.Equal(ItemState.Cancelled, item.State);
        Assert.Contains("Patient declined surgery.", item.CancelledReason);
        Assert.Equal(ItemState.Cancelled, after.Find("LEN-STOP-1")!.State);
        Assert.Empty(Follow(after));
    }

    [Fact]
    public void Given_a_cancelled_resection_when_a_new_one_is_booked_then_a_second_item_is_planned()
    {
        var plan = Given.Started();
        plan = Followed(plan.Apply(Booked(plan, D(8, 31))));
        plan = Followed(plan.Apply(Cancelled(plan, D(8, 31))));

        var second = new ResectionScheduled(plan.Id, Guid.NewGuid(), Guid.NewGuid(), D(9, 21), "left hepatectomy",
            ReadinessVerdicts.Ready, [], NoWashout(Today), false, null, "2025.1", "dr-grey", Given.At(Today));
        var after = Followed(plan.Apply(second));

        Assert.Equal((ItemState.Planned, D(9, 21)), (after.Find("RES-2")!.State, after.Due("RES-2")));
        Assert.Equal(D(9, 14), after.Due("LEN-STOP-2"));
    }

    [Fact]
    public void Given_the_plan_already_follows_the_booking_when_a_message_is_redelivered_then_nothing_is_appended()
    {
        var plan = Given.Started();
        plan = Followed(plan.Apply(Booked(plan, D(8, 31))));
        plan = Followed(plan.Apply(Moved(plan, D(8, 31), D(9, 14))));

        Assert.Empty(Follow(plan));
    }

    [Fact]
    public void Given_the_reschedule_is_already_in_the_stream_when_the_booking_message_is_handled_then_the_item_is_planned_on_the_new_date()
    {
        var plan = Given.Started();
        plan = plan.Apply(Booked(plan, D(8, 31))).Apply(Moved(plan, D(8, 31), D(9, 14)));

        var resection = Assert.Single(Follow(plan).OfType<TherapyItemPlanned>(), p => p.ItemType == TherapyItemTypes.Resection);

        Assert.Equal(D(9, 14), resection.DueOn);
    }

    [Fact]
    public void Given_an_exited_pathway_when_a_resection_is_booked_then_nothing_is_planned()
    {
        var plan = Given.Started();
        plan = plan.Apply(new PathwayExited(plan.Id, PathwayExitReason.ConsentWithdrawn, D(7, 1), "Withdrew consent", "dr-house", Given.At(D(7, 1))));

        Assert.Empty(Follow(plan.Apply(Booked(plan, D(8, 31)))));
    }
}
