using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Regimen;

/// <summary>
/// A LEN-TAP plan: items in time order. It is a value: cascading produces a new plan, the old one is unchanged.
/// <see cref="OverdueGraceDays"/> is copied from the rule set so due/overdue needs nothing else.
/// </summary>
public sealed record LenTapPlan(
    DateOnly StartDate,
    WeightKg Weight,
    decimal LenvatinibDailyDoseMilligrams,
    IReadOnlyList<ScheduledItem> Items,
    int OverdueGraceDays,
    string RuleSetVersion)
{
    public ScheduledItem? Find(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);
}
