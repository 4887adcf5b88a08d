using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.EndingConversion;

/// <summary>
/// SCHED-CYCLES: an MDT decision for second line or watch-and-wait ends the conversion regimen, so every conversion
/// item still outstanding is cancelled, naming the decision. The lenvatinib course itself is an actual: it ends when a
/// clinician records the stop. The plan folds the decision from the stream (<see cref="TherapyPlan.ConversionEndedBy"/>),
/// so no dose given, skipped or cancelled afterwards plans another, and a second delivery finds nothing to cancel. An
/// MDT review is not cancelled: this decision is the review, and <c>Reviews/FollowMdtDecision</c> records it held.
/// </summary>
public static class EndConversion
{
    public const string RuleId = "SCHED-CYCLES";
    private const string By = "scheduling";

    public static Decision Decide(TherapyPlan plan, MdtDecisionRecorded decision, DateTimeOffset now)
    {
        if (decision.Outcome is not (MdtOutcomes.SecondLine or MdtOutcomes.WatchAndWait))
        {
            return Decision.Append();
        }

        var reason = $"{RuleId}: the MDT decided {decision.Outcome} on {decision.DecidedOn:yyyy-MM-dd}; conversion therapy ends.";
        return Decision.Append([.. plan.Items.Where(i => i.IsOutstanding && i.Phase == TherapyPhases.Conversion && i.ItemType != TherapyItemTypes.MdtReview).Select(i =>
            new TherapyItemCancelled(plan.Id, i.ItemId, i.ItemType, i.Drug, i.DueOn, reason, RuleId, By, now))]);
    }
}
