using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Delays;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class PlanChangeSpecs
{
    /// <summary>TACE-1 performed on 16 June: CAM-1 due 30 June, CAM-2 21 July, CAM-3 11 August.</summary>
    private static TherapyPlan AfterTace()
    {
        var plan = Given.Started();
        return plan.Then(plan.Tace(D(6, 16)));
    }

    [Fact]
    public void Given_CAM_1_skipped_when_the_next_dose_is_given_then_it_is_CAM_2_still_due_21_days_later_and_not_blocked()
    {
        var plan = AfterTace();

        var skip = plan.Skip("CAM-1", today: D(6, 30));
        var skipped = Given.Single<TherapyItemSkipped>(skip);
        plan = plan.Then(skip);

        Assert.Equal(("CAM-1", "Patient on holiday", Given.Coordinator), (skipped.ItemId, skipped.Reason, skipped.SkippedBy));
        Assert.Equal((ItemState.Skipped, D(7, 21)), (plan.Find("CAM-1")!.State, plan.Due("CAM-2")));
        Assert.Equal("CAM-7", Given.SinglePlanned(skip).ItemId);
        var given = Given.Single<CamrelizumabAdministered>(plan.Camrelizumab(D(7, 21)));
        Assert.Equal(("CAM-2", 2), (given.ItemId, given.DoseNumber));
    }

    [Fact]
    public void Given_TACE_1_done_when_it_is_skipped_then_409_and_nothing_appended()
    {
        var rejection = Given.Refused(AfterTace().Skip("TACE-1", today: D(6, 20)), RejectionKind.Conflict);

        Assert.Contains("done", rejection.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_a_skip_without_reason_or_of_an_unknown_item_then_400_and_404()
    {
        Assert.Contains("reason", Given.Refused(AfterTace().Skip("CAM-1", D(6, 30), reason: ""), RejectionKind.Invalid).Errors!.Keys);
        Given.Refused(AfterTace().Skip("CAM-99", D(6, 30)), RejectionKind.NotFound);
    }

    [Fact]
    public void Given_a_missed_TACE_when_camrelizumab_is_given_then_the_missed_item_does_not_block_it()
    {
        var plan = Given.Started();
        plan = plan.Then(RecordMissed.Decide(plan, "TACE-1", new("Angiography suite closed"), Given.Coordinator, D(6, 20), Given.At(D(6, 20))));

        Assert.Equal("CAM-1", Given.Single<CamrelizumabAdministered>(plan.Camrelizumab(D(6, 30))).ItemId);
    }

    [Fact]
    public void Given_CAM_2_cancelled_with_a_reason_then_SCHED_SKIP_names_it_CAM_3_stays_due_and_the_horizon_grows()
    {
        var plan = AfterTace();
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));

        var decision = plan.Cancel("CAM-2", today: D(7, 10));

        var cancelled = Given.SingleCancelled(decision);
        Assert.Equal(("CAM-2", "SCHED-SKIP", Given.Coordinator, "Not indicated any more"), (cancelled.ItemId, cancelled.RuleId, cancelled.CancelledBy, cancelled.Reason));
        plan = plan.Then(decision);
        Assert.Equal(D(8, 11), plan.Due("CAM-3"));
        Assert.Equal("CAM-8", Given.SinglePlanned(decision).ItemId);
        Assert.Equal("CAM-3", Given.Single<CamrelizumabAdministered>(plan.Camrelizumab(D(8, 11))).ItemId);
    }

    [Fact]
    public void Given_a_reschedule_without_reason_then_400_and_nothing_appended()
    {
        Assert.Contains("reason", Given.Refused(AfterTace().Reschedule("CAM-2", D(7, 18), today: D(7, 1), reason: null), RejectionKind.Invalid).Errors!.Keys);
    }

    [Fact]
    public void Given_CAM_2_rescheduled_earlier_then_it_is_fixed_to_that_date_and_CAM_3_follows_it()
    {
        var plan = AfterTace();

        var decision = plan.Reschedule("CAM-2", D(7, 18), today: D(7, 1));

        var moves = decision.Events.OfType<TherapyItemRescheduled>().ToList();
        Assert.Equal(("CAM-2", D(7, 21), D(7, 18), RescheduleCauses.Rescheduled, "Infusion chair free earlier"),
            (moves[0].ItemId, moves[0].PreviousDueOn, moves[0].DueOn, moves[0].Cause, moves[0].Reason));
        Assert.Equal(("CAM-3", D(8, 8), RescheduleCauses.Cascade), (moves[1].ItemId, moves[1].DueOn, moves[1].Cause));
        plan = plan.Then(decision);
        plan = plan.Then(plan.Camrelizumab(D(7, 3)));
        Assert.Equal(D(7, 18), plan.Due("CAM-2"));
    }

    [Fact]
    public void Given_a_done_item_when_rescheduled_or_cancelled_then_409()
    {
        Given.Refused(AfterTace().Reschedule("TACE-1", D(7, 18), today: D(7, 1)), RejectionKind.Conflict);
        Given.Refused(AfterTace().Cancel("TACE-1", today: D(7, 1)), RejectionKind.Conflict);
    }
}
