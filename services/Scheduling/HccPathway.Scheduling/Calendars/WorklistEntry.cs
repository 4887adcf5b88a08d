using HccPathway.Scheduling.TherapyPlans;

namespace HccPathway.Scheduling.Calendars;

/// <summary>
/// One planned item of one patient, flat, so the worklist across all patients is a range scan on indexed columns
/// (due date, actual date, state). Written by <see cref="CalendarProjection"/> in the same transaction as the events.
/// </summary>
public sealed class WorklistEntry
{
    public static class States
    {
        public const string Planned = "planned";
        public const string Done = "done";
        public const string Cancelled = "cancelled";
        public const string Skipped = "skipped";
    }

    /// <summary><c>{pathwayId}/{itemId}</c>.</summary>
    public string Id { get; set; } = "";

    public Guid PathwayId { get; set; }

    public string ItemId { get; set; } = "";

    public string ItemType { get; set; } = "";

    public string Drug { get; set; } = "";

    public string Phase { get; set; } = "";

    public int Sequence { get; set; }

    public DateOnly DueOn { get; set; }

    public decimal? DoseMg { get; set; }

    public string Route { get; set; } = "";

    public string RuleId { get; set; } = "";

    public string State { get; set; } = States.Planned;

    public DateOnly? ActualOn { get; set; }

    public decimal? ActualDoseMg { get; set; }

    public string? MissedReason { get; set; }

    public string? CancelledReason { get; set; }

    public string? SkippedReason { get; set; }

    /// <summary>Start of the earliest open hold on the drug (SCHED-HOLD); null when the drug is not held.</summary>
    public DateOnly? HeldFrom { get; set; }

    /// <summary>How often the item moved or changed; the iCalendar SEQUENCE.</summary>
    public int Revision { get; set; }

    /// <summary>SCHED-DUE: the first overdue day, as the deadline sweep recorded it (<c>TherapyItemOverdue</c>); null until then.</summary>
    public DateOnly? OverdueOn { get; set; }

    /// <summary>The hospital (Marten tenant) the row belongs to, read from its tenant column: the deadline sweep reads every hospital's rows.</summary>
    public string Hospital { get; set; } = "";

    public static WorklistEntry From(TherapyPlan plan, PlanItem item) => new()
    {
        Id = $"{plan.Id}/{item.ItemId}",
        PathwayId = plan.Id,
        ItemId = item.ItemId,
        ItemType = item.ItemType,
        Drug = item.Drug,
        Phase = item.Phase,
        Sequence = item.Sequence,
        DueOn = item.DueOn,
        DoseMg = item.DoseMg,
        Route = item.Route,
        RuleId = item.RuleId,
        State = item.State switch
        {
            ItemState.Done => States.Done,
            ItemState.Cancelled => States.Cancelled,
            ItemState.Skipped => States.Skipped,
            _ => States.Planned,
        },
        ActualOn = item.ActualOn,
        ActualDoseMg = item.ActualDoseMg,
        MissedReason = item.MissedReason,
        CancelledReason = item.CancelledReason,
        SkippedReason = item.SkippedReason,
        HeldFrom = plan.HeldFrom(item.Drug),
        Revision = item.Revision,
        OverdueOn = item.OverdueOn,
    };

    /// <summary>
    /// The status on <paramref name="asOf"/>. Once SCHED-DUE recorded the item overdue, it shows overdue from that day on
    /// as the event says, not only as computed on read (a later hold still shows as held).
    /// </summary>
    public string StatusOn(DateOnly asOf, int graceDays)
    {
        var computed = ItemStatuses.Of(ItemId, Drug, State, DueOn, ActualOn, HeldFrom, asOf, graceDays);
        return OverdueOn is { } overdue && overdue <= asOf && computed is ItemStatuses.Due or ItemStatuses.Upcoming
            ? ItemStatuses.Overdue
            : computed;
    }
}
