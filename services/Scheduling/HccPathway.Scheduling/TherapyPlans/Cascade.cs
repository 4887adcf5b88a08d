using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// SCHED-TACE / SCHED-CAM cascade: an outstanding item is due <c>DaysAfter</c> days after the date of the item it
/// follows (its actual date when done, its due date when skipped or cancelled, else its own cascaded date), so a late
/// TACE moves the whole camrelizumab series and a skipped dose still leaves the next one due (SCHED-SKIP).
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
        // An item may follow one planned after it (a first camrelizumab dose re-anchored to a later TACE session), so
        // dates are resolved by id rather than in plan order.
        var byId = plan.Items.ToDictionary(i => i.ItemId, StringComparer.Ordinal);
        var dates = new Dictionary<string, DateOnly>(StringComparer.Ordinal);
        DateOnly DateOf(PlanItem item, int depth)
        {
            if (dates.TryGetValue(item.ItemId, out var known))
            {
                return known;
            }

            var date = item.State switch
            {
                ItemState.Done => item.ActualOn!.Value,
                ItemState.Cancelled or ItemState.Skipped => item.DueOn,
                _ => Outstanding(item, depth < byId.Count && item.FollowsItemId is { } previous && byId.TryGetValue(previous, out var anchor)
                    ? DateOf(anchor, depth + 1)
                    : null),
            };
            dates[item.ItemId] = date;
            return date;
        }

        return plan.Items
            .Where(i => i.IsOutstanding)
            .Select(i => new Move(i, DateOf(i, 0)))
            .Where(m => m.DueOn != m.Item.DueOn)
            .ToArray();
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

    private static DateOnly Outstanding(PlanItem item, DateOnly? anchor)
    {
        var derived = anchor is { } date ? date.AddDays(item.DaysAfter ?? 0) : item.BaseOn;
        return item.PinnedOn is { } pinned && pinned > derived ? pinned : derived;
    }
}
