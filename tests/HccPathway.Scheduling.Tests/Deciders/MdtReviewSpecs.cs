using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.EndingConversion;
using HccPathway.Scheduling.TherapyPlans.RecordingImaging;
using HccPathway.Scheduling.TherapyPlans.Reviews;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>SCHED-MDT: a review after each response assessment, held when the next MDT decision arrives.</summary>
public sealed class MdtReviewSpecs
{
    internal static ResponseAssessed Study(TherapyPlan plan, DateOnly on)
    {
        var criteria = new CriteriaResponse("mRECIST", "RESP-MRECIST", "PR", 40m, 80m, 80m, -50m, -50m, "PR", "PR");
        return new ResponseAssessed(plan.Id, Guid.NewGuid(), on, ImagingModalities.Mri, false, Guid.NewGuid(), D(5, 25),
            criteria, criteria, [], ExtrahepaticStatuses.None, Given.Rules.Version, Given.At(on));
    }

    internal static MdtDecisionRecorded MdtDecided(TherapyPlan plan, string outcome, DateOnly on) =>
        new(plan.Id, Guid.NewGuid(), outcome, "Reviewed the latest study", ["oncologist"], on, null, null, true, "dr-house", Given.At(on));

    internal static TherapyPlan Imaged(TherapyPlan plan, DateOnly on) =>
        plan.Then(RecordResponseImaging.Decide(plan, Study(plan, on), Given.Rules, on, Given.At(on)));

    /// <summary>The decision is in the stream before its message arrives (SurgeryPlanning appends, then publishes).</summary>
    internal static (TherapyPlan Plan, Decision Decision) Decided(TherapyPlan plan, MdtDecisionRecorded decision)
    {
        var withDecision = plan.Apply(decision);
        return (withDecision, FollowMdtDecision.Decide(withDecision, decision, Given.Rules, decision.RecordedAt));
    }

    [Fact]
    public void Given_a_response_study_then_an_MDT_review_is_booked_MdtReviewDaysAfterAssessment_days_after_it()
    {
        var plan = Given.Started();

        plan = Imaged(plan, D(7, 10));

        var review = plan.Find("MDT-1")!;
        Assert.Equal((TherapyItemTypes.MdtReview, D(7, 17), "IMG-1", Given.Rules.MdtReviewDaysAfterAssessment, "SCHED-MDT"),
            (review.ItemType, review.DueOn, review.FollowsItemId, review.DaysAfter, review.RuleId));
        Assert.Equal(7, review.DueOn.DayNumber - D(7, 10).DayNumber);
        plan = Imaged(plan, D(8, 21));
        Assert.Equal(D(8, 28), plan.Due("MDT-2"));
    }

    [Fact]
    public void Given_a_review_outstanding_when_the_MDT_decides_then_it_is_held_on_the_decision_date_once()
    {
        var plan = Imaged(Given.Started(), D(7, 10));
        var decision = MdtDecided(plan, MdtOutcomes.ContinueConversion, D(7, 16));

        var (withDecision, held) = Decided(plan, decision);

        var review = Given.Single<MdtReviewHeld>(held);
        Assert.Equal(("MDT-1", decision.DecisionId, D(7, 16), D(7, 17)), (review.ItemId, review.MdtDecisionId, review.HeldOn, review.PlannedOn));
        var after = withDecision.Then(held);
        Assert.Equal((ItemState.Done, (DateOnly?)D(7, 16)), (after.Find("MDT-1")!.State, after.Find("MDT-1")!.ActualOn));
        Assert.Empty(FollowMdtDecision.Decide(after, decision, Given.Rules, Given.At(D(7, 17))).Events);
    }

    [Fact]
    public void Given_a_decision_dated_before_the_study_then_the_review_stays_outstanding()
    {
        var plan = Imaged(Given.Started(), D(7, 10));

        var (_, decided) = Decided(plan, MdtDecided(plan, MdtOutcomes.ContinueConversion, D(7, 9)));

        Assert.Empty(decided.Events.OfType<MdtReviewHeld>());
    }

    [Fact]
    public void Given_second_line_then_ending_conversion_keeps_the_review_that_the_decision_itself_holds()
    {
        var plan = Imaged(Given.Started(), D(7, 10));
        var decision = MdtDecided(plan, MdtOutcomes.SecondLine, D(7, 15));
        var withDecision = plan.Apply(decision);

        var ended = EndConversion.Decide(withDecision, decision, Given.At(D(7, 15)));

        Assert.DoesNotContain(ended.Events.OfType<TherapyItemCancelled>(), c => c.ItemId == "MDT-1");
        Assert.Equal("MDT-1", Given.Single<MdtReviewHeld>(FollowMdtDecision.Decide(withDecision.Then(ended), decision, Given.Rules, Given.At(D(7, 15)))).ItemId);
    }
}
