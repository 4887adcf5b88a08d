using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans.FollowUp;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Reviews;

/// <summary>
/// What an MDT decision means for the plan besides the washout and the end of conversion (those are
/// <c>Surgery/MdtDecisionConsumer</c>'s): it fulfils the earliest outstanding MDT review whose study was on or before
/// the decision (SCHED-MDT); a series it ends is cancelled (follow-up imaging when the course is no longer second line,
/// watch-and-wait surveillance when it is); and the series it starts are planned (SCHED-FU after second line, SCHED-SURV
/// after watch-and-wait). The plan folds the decision from the stream, so the order of the two consumers does not matter,
/// and a decision already counted finds nothing more to do.
/// </summary>
public static class FollowMdtDecision
{
    private const string By = "scheduling";

    public static Decision Decide(TherapyPlan plan, MdtDecisionRecorded decision, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (!plan.IsPlanned || plan.HasExited)
        {
            return Decision.Append();
        }

        var events = new List<object>();
        if (!plan.ReviewedDecisionIds.Contains(decision.DecisionId) && ReviewFulfilledBy(plan, decision) is { } review)
        {
            events.Add(new MdtReviewHeld(plan.Id, review.ItemId, decision.DecisionId, decision.Outcome, decision.DecidedOn, review.DueOn, now));
        }

        var reason = $"the MDT decided {decision.Outcome} on {decision.DecidedOn:yyyy-MM-dd}.";
        if (!FollowUpImaging.Continues(plan))
        {
            events.AddRange(Cancel(plan, i => i.ItemType == TherapyItemTypes.FollowUpImaging, FollowUpImaging.RuleId, reason, now));
        }

        if (Surveillance.Running(plan)?.Prefix != PlanIds.WatchAndWaitSurveillancePrefix)
        {
            events.AddRange(Cancel(plan, i => i.ItemId.StartsWith(PlanIds.WatchAndWaitSurveillancePrefix, StringComparison.Ordinal), Surveillance.RuleId, reason, now));
        }

        return Decision.Append([.. events, .. Horizon.Steps(AggregateFold<TherapyPlan>.Apply(plan, events), rules, now)]);
    }

    // The review of the earliest study the decision can have seen: its imaging item was done on or before the decision.
    private static PlanItem? ReviewFulfilledBy(TherapyPlan plan, MdtDecisionRecorded decision) => plan.Items
        .Where(i => i.ItemType == TherapyItemTypes.MdtReview && i.IsOutstanding)
        .Where(i => i.FollowsItemId is not { } study || plan.Find(study)?.ActualOn is not { } studyOn || studyOn <= decision.DecidedOn)
        .MinBy(i => i.Sequence);

    private static IEnumerable<TherapyItemCancelled> Cancel(TherapyPlan plan, Func<PlanItem, bool> which, string ruleId, string reason, DateTimeOffset now) =>
        plan.Items.Where(i => i.IsOutstanding && which(i))
            .Select(i => new TherapyItemCancelled(plan.Id, i.ItemId, i.ItemType, i.Drug, i.DueOn, $"{ruleId}: {reason}", ruleId, By, now));
}
