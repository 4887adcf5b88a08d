using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Deadlines;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class OverdueSpecs
{
    private static Decision Overdue(TherapyPlan plan, string itemId, DateOnly today) =>
        MarkOverdue.Decide(plan, itemId, today, Given.Rules, Given.At(today));

    [Fact]
    public void Given_TACE_1_not_given_when_its_three_grace_days_have_passed_then_it_is_overdue_once_naming_SCHED_DUE()
    {
        var plan = Given.Started();
        var due = plan.Due("TACE-1");

        var lastDueDay = Overdue(plan, "TACE-1", due.AddDays(3));
        var overdue = Given.Single<TherapyItemOverdue>(Overdue(plan, "TACE-1", due.AddDays(4)));
        var after = plan.Then(Overdue(plan, "TACE-1", due.AddDays(4)));

        Assert.Contains("not overdue before", Given.Refused(lastDueDay, RejectionKind.Conflict).Detail, StringComparison.Ordinal);
        Assert.Equal(("TACE-1", due, due.AddDays(4), 3, "SCHED-DUE", Given.Rules.Version), (overdue.ItemId, overdue.DueOn, overdue.OverdueOn, overdue.GraceDays, overdue.RuleId, overdue.RuleSetVersion));
        Assert.Equal(due.AddDays(4), after.Find("TACE-1")!.OverdueOn);
        Assert.Equal("SCHED-DUE", Given.Refused(Overdue(after, "TACE-1", due.AddDays(9)), RejectionKind.Conflict).RuleId);
    }

    [Fact]
    public void Given_an_item_done_or_skipped_then_it_never_goes_overdue()
    {
        var plan = Given.Started();
        var late = plan.Due("CAM-1").AddDays(30);
        var skipped = plan.Then(plan.Skip("CAM-1", plan.Due("CAM-1")));

        Given.Refused(Overdue(plan, "LEN-1", late), RejectionKind.Conflict);
        Given.Refused(Overdue(skipped, "CAM-1", late), RejectionKind.Conflict);
        Given.Refused(Overdue(plan, "NOPE-1", late), RejectionKind.NotFound);
    }

    [Fact]
    public void Given_camrelizumab_held_when_CAM_1_passes_its_window_then_it_is_held_not_overdue()
    {
        var plan = Given.Started();
        var due = plan.Due("CAM-1");
        var held = plan.Apply(new TreatmentHeld(plan.Id, Guid.NewGuid(), Drugs.Camrelizumab, due.AddDays(-2), Guid.NewGuid(),
            "Hypothyroidism", 3, "SCHED-HOLD", Given.Rules.Version, Given.At(due)));

        Assert.Equal("SCHED-HOLD", Given.Refused(Overdue(held, "CAM-1", due.AddDays(10)), RejectionKind.Conflict).RuleId);
    }

    [Fact]
    public void Given_an_overdue_item_rescheduled_then_its_new_window_can_pass_again_under_a_new_event_id()
    {
        var plan = Given.Started();
        var due = plan.Due("TACE-1");
        var first = Given.Single<TherapyItemOverdue>(Overdue(plan, "TACE-1", due.AddDays(4)));
        var overdue = plan.Apply(first);
        var moved = overdue.Then(overdue.Reschedule("TACE-1", due.AddDays(7), due.AddDays(4)));

        var second = Given.Single<TherapyItemOverdue>(Overdue(moved, "TACE-1", due.AddDays(11)));

        Assert.Null(moved.Find("TACE-1")!.OverdueOn);
        Assert.Equal((first.Revision + 1, due.AddDays(11)), (second.Revision, second.OverdueOn));
        Assert.NotEqual(DeadlineIds.Overdue(plan.Id, "TACE-1", first.Revision), DeadlineIds.Overdue(plan.Id, "TACE-1", second.Revision));
        Assert.Equal(DeadlineIds.Overdue(plan.Id, "TACE-1", first.Revision), DeadlineIds.Overdue(plan.Id, "TACE-1", first.Revision));
    }
}
