using HccPathway.Clinical.Regimen;
using HccPathway.Scheduling.TherapyPlans;

namespace HccPathway.Scheduling.Calendars;

/// <summary>How an item stands on a date, as worklists and calendars show it.</summary>
public static class ItemStatuses
{
    public const string Upcoming = "upcoming";
    public const string Due = "due";
    public const string Overdue = "overdue";
    public const string Held = "held";
    public const string Done = "done";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";

    public static IReadOnlyList<string> All { get; } = [Upcoming, Due, Overdue, Held, Done, Cancelled, Skipped];

    /// <summary>
    /// The clinical library's due/overdue/held rules (<c>LenTapScheduler.DueItems</c>), evaluated for a future item on its
    /// own due date: a coordinator looking at tomorrow sees tomorrow's held dose as held, not merely as upcoming.
    /// </summary>
    public static string Of(
        string itemId, string drug, string state, DateOnly dueOn, DateOnly? actualOn, DateOnly? heldFrom, DateOnly asOf, int graceDays)
    {
        if (state == WorklistEntry.States.Cancelled)
        {
            return Cancelled;
        }

        if (state == WorklistEntry.States.Skipped)
        {
            return Skipped;
        }

        var component = PlanIds.ComponentOf(drug) ?? RegimenComponent.Lenvatinib;
        var evaluatedOn = dueOn > asOf ? dueOn : asOf;
        var plan = new LenTapPlan(dueOn, default, 0m, [new ScheduledItem(itemId, component, 1, dueOn, null, "", "")], graceDays, "");
        var actuals = state == WorklistEntry.States.Done && actualOn is { } on ? new[] { new ActualAdministration(itemId, on) } : [];
        var holds = heldFrom is { } from ? new[] { new TreatmentHold(component, from, null, "SCHED-HOLD") } : [];
        var row = LenTapScheduler.DueItems(plan, actuals, holds, evaluatedOn).First(r => r.Item.ItemId == itemId);
        return row.Status switch
        {
            DueStatus.Done => Done,
            DueStatus.Held => Held,
            DueStatus.Overdue => Overdue,
            DueStatus.Due when dueOn > asOf => Upcoming,
            DueStatus.Due => Due,
            _ => Upcoming,
        };
    }
}
