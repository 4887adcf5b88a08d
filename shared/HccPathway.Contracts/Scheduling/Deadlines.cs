namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SCHED-DUE: an outstanding plan item passed its due window (<c>dueOn</c> plus the rule set's grace days) without
/// being given, skipped or cancelled, and was not held. Scheduling's deadline sweep appends it once per item and due
/// date: its event id is derived from the pathway, the item and the item's revision, and a rescheduled item (a new
/// revision) can go overdue again. <see cref="OverdueOn"/> is the first day the item counts as overdue.
/// </summary>
public sealed record TherapyItemOverdue(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly DueOn,
    DateOnly OverdueOn,
    int GraceDays,
    int Revision,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset DetectedAt);

/// <summary>
/// SCHED-DUE: a surveillance item (<see cref="TherapyItemTypes.Surveillance"/>: watch-and-wait after a cCR, or recurrence
/// surveillance after resection) reached its due date while still outstanding, on the patient's hospital day. Scheduling's
/// deadline sweep appends it once per item and due date: its event id is derived from the pathway, the item and the
/// item's revision, so a rescheduled item (a new revision) falls due again on its new date.
/// </summary>
public sealed record SurveillanceFellDue(
    Guid PathwayId,
    string ItemId,
    DateOnly DueOn,
    int Revision,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset DetectedAt);
