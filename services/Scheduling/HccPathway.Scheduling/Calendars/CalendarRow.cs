using HccPathway.Scheduling.TherapyPlans;

namespace HccPathway.Scheduling.Calendars;

/// <summary>One item as calendars and worklists return it, with its status on the day asked about.</summary>
public sealed record CalendarRow(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    string Phase,
    int Sequence,
    DateOnly DueOn,
    decimal? DoseMg,
    string Route,
    string RuleId,
    string Status,
    DateOnly? ActualOn,
    decimal? ActualDoseMg,
    bool Missed,
    string? MissedReason,
    string? CancelledReason,
    DateOnly? HeldFrom,
    int Revision,
    string? SkippedReason = null,
    DateOnly? OverdueOn = null)
{
    /// <summary>The day the item is (or was) on: the actual date once done.</summary>
    public DateOnly Date => ActualOn ?? DueOn;

    public static CalendarRow From(WorklistEntry e, DateOnly asOf, int graceDays) => new(
        e.PathwayId, e.ItemId, e.ItemType, e.Drug, e.Phase, e.Sequence, e.DueOn, e.DoseMg, e.Route, e.RuleId,
        e.StatusOn(asOf, graceDays), e.ActualOn, e.ActualDoseMg, e.MissedReason is not null && e.State == WorklistEntry.States.Planned,
        e.MissedReason, e.CancelledReason, e.HeldFrom, e.Revision, e.SkippedReason, e.OverdueOn);
}

/// <summary>A patient's calendar: the plan's summary, its holds and every item.</summary>
public sealed record CalendarView(
    Guid PathwayId,
    long Version,
    DateOnly StartOn,
    decimal LenvatinibDailyDoseMg,
    bool LenvatinibRunning,
    DateOnly AsOf,
    IReadOnlyList<HoldState> Holds,
    IReadOnlyList<CalendarRow> Items);
