namespace HccPathway.Scheduling.TherapyPlans;

public enum ItemState
{
    /// <summary>Outstanding: not yet given (possibly missed, still to be given).</summary>
    Planned,
    Done,
    Cancelled,

    /// <summary>Skipped by the coordinator (SCHED-SKIP): not given, and it blocks nothing after it.</summary>
    Skipped,
}

/// <summary>
/// One planned step as Scheduling knows it. <see cref="BaseOn"/> is the date a root item (no <see cref="FollowsItemId"/>)
/// is fixed to; <see cref="PinnedOn"/> is a date the coordinator delayed it to; <see cref="Revision"/> counts moves
/// (calendar clients use it as the iCalendar SEQUENCE). <see cref="OverdueOn"/> is set by SCHED-DUE's
/// <c>TherapyItemOverdue</c> for the current revision; a reschedule clears it, since the item has a new due window.
/// <see cref="FellDueInRevision"/> is the revision a surveillance item last fell due in (SCHED-DUE's <c>SurveillanceFellDue</c>).
/// </summary>
public sealed record PlanItem(
    string ItemId,
    string ItemType,
    string Drug,
    string Phase,
    int Sequence,
    DateOnly DueOn,
    decimal? DoseMg,
    string Route,
    string? FollowsItemId,
    int? DaysAfter,
    string RuleId,
    DateOnly BaseOn,
    DateOnly? PinnedOn = null,
    ItemState State = ItemState.Planned,
    DateOnly? ActualOn = null,
    decimal? ActualDoseMg = null,
    string? MissedReason = null,
    string? CancelledReason = null,
    int Revision = 0,
    string? SkippedReason = null,
    DateOnly? OverdueOn = null,
    int? FellDueInRevision = null)
{
    public bool IsOutstanding => State == ItemState.Planned;
}

/// <summary>SCHED-HOLD: a drug held because of one adverse event; open until a clinician resumes it.</summary>
public sealed record HoldState(
    Guid HoldId,
    string Drug,
    Guid AdverseEventId,
    string CtcaeTerm,
    int Grade,
    DateOnly HeldFrom,
    DateOnly? ResumableFrom = null,
    DateOnly? ResumedOn = null)
{
    public bool IsOpen => ResumedOn is null;

    public bool IsResumable => ResumableFrom is not null;
}
