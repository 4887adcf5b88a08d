using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.ChangingItems;

/// <summary>
/// SCHED-SKIP, shared by a skip and a cancellation: an outstanding item of a planned pathway stops, with a reason. The
/// items that followed it stay due from its due date (the cascade), and the series' horizons are restored, so a stopped
/// camrelizumab dose or imaging study plans one more at the end (SCHED-CYCLES, SCHED-IMG).
/// </summary>
internal static class ItemStop
{
    /// <param name="stop">The event that stops the item, given the item and the trimmed reason.</param>
    public static Decision Decide(
        TherapyPlan plan, string itemId, string? reason, string pastTense, Func<PlanItem, string, object> stop,
        string by, DateOnly today, DateTimeOffset now, ClinicalRuleSet rules)
    {
        if (Checks.First(Checks.Planned(plan), Checks.Required(reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        var (item, notOutstanding) = Checks.Outstanding(plan, itemId, pastTense);
        if (item is null)
        {
            return notOutstanding!;
        }

        var stopped = stop(item, reason!.Trim());
        var moved = Cascade.Reschedules(AggregateFold<TherapyPlan>.Apply(plan, [stopped]), item.ItemId, RescheduleCauses.Cascade, null, by, now);
        return Decision.Append(Horizon.Restore(plan, [stopped, .. moved], rules, today, now));
    }
}
