using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Exit;

/// <summary>
/// PATH-EXIT: the patient left the pathway, so every item still outstanding is cancelled, naming the exit. The plan
/// folds the exit from the stream; a second delivery finds nothing outstanding and appends nothing.
/// </summary>
public static class CloseOnExit
{
    public const string RuleId = "PATH-EXIT";
    private const string By = "scheduling";

    public static Decision Decide(TherapyPlan plan, PathwayExited exit, DateTimeOffset now)
    {
        var reason = $"PATH-EXIT: the patient left the pathway on {exit.ExitedOn:yyyy-MM-dd} ({Describe(exit.Reason)}).";
        return Decision.Append([.. plan.Items.Where(i => i.IsOutstanding).Select(i =>
            new TherapyItemCancelled(exit.PathwayId, i.ItemId, i.ItemType, i.Drug, i.DueOn, reason, RuleId, By, now))]);
    }

    private static string Describe(PathwayExitReason reason) => reason switch
    {
        PathwayExitReason.Died => "died",
        PathwayExitReason.ConsentWithdrawn => "consent withdrawn",
        PathwayExitReason.TransferredToAnotherCentre => "transferred to another centre",
        PathwayExitReason.LostToFollowUp => "lost to follow-up",
        _ => reason.ToString(),
    };
}
