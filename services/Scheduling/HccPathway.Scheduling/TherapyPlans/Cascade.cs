using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// SCHED-TACE / SCHED-CAM cascade: an outstanding item is due <c>DaysAfter</c> days after the date of the item it
/// follows (its actual date when done, else its current due date), so a late TACE moves the whole camrelizumab series.
/// A delayed item keeps the coordinator's date unless the cascade pushes it later.
/// </summary>
/// <remarks>
/// This matches <c>LenTapScheduler.Cascade</c> of the clinical library for actual dates (a test proves it), and adds
/// what the library cannot express: an item delayed to a date before it is done, and the washout and adjuvant items.
/// </remarks>
public static class Cascade
{
    public sealed record Move(PlanItem Item, DateOnly DueOn);

    /// <summary>The outstanding items whose due date differs from what the cascade gives, in plan order.</summary>
    public static IReadOnlyList<Move> Recompute(TherapyPlan plan)
    {
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        var moves = new List<Move>();
        foreach (var item in plan.Items)
        {
            var date = item.State switch
            {
                ItemState.Done => item.ActualOn!.Value,
                ItemState.Cancelled => item.DueOn,
                _ => Outstanding(item, dates),
            };
            dates[item.ItemId] = date;
            if (item.IsOutstanding && date != item.DueOn)
            {
                moves.Add(new Move(item, date));
            }
        }

        return moves;
    }

    /// <summary>The reschedule events for every move, each naming its cause.</summary>
    public static IEnumerable<TherapyItemRescheduled> Reschedules(
        TherapyPlan plan, string trigger, string triggerCause, string? reason, string by, DateTimeOffset now) =>
        Recompute(plan).Select(m => new TherapyItemRescheduled(
            plan.Id,
            m.Item.ItemId,
            m.Item.ItemType,
            m.Item.Drug,
            m.Item.DueOn,
            m.DueOn,
            m.Item.ItemId == trigger || triggerCause == RescheduleCauses.StartChanged ? triggerCause : RescheduleCauses.Cascade,
            m.Item.ItemId == trigger ? null : trigger,
            reason,
            m.Item.RuleId,
            plan.RuleSetVersion,
            by,
            now));

    private static DateOnly Outstanding(PlanItem item, Dictionary<string, DateOnly> dates)
    {
        var derived = item.FollowsItemId is { } previous && dates.TryGetValue(previous, out var anchor)
            ? anchor.AddDays(item.DaysAfter ?? 0)
            : item.BaseOn;
        return item.PinnedOn is { } pinned && pinned > derived ? pinned : derived;
    }
}
