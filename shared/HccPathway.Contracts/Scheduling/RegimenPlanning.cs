namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// The LEN-TAP regimen was planned for an enrolled patient (SCHED-LEN, SCHED-TACE, SCHED-CAM). Followed in the same
/// append by one <see cref="TherapyItemPlanned"/> per item. Inputs: the enrolment (its event id, date and the weight it
/// carried) and the rule set. <see cref="StartOn"/> defaults to the next working day after enrolment.
/// </summary>
public sealed record RegimenPlanned(
    Guid PathwayId,
    Guid EnrolmentEventId,
    DateOnly EnrolledOn,
    decimal WeightKg,
    DateOnly StartOn,
    decimal LenvatinibDailyDoseMg,
    decimal CamrelizumabDoseMg,
    IReadOnlyList<string> ItemIds,
    string RuleSetVersion,
    DateTimeOffset PlannedAt);

/// <summary>
/// One planned step with its due date: <c>LEN-1</c>, <c>TACE-1</c>, <c>CAM-1</c>…<c>CAM-n</c>, <c>LEN-STOP</c>,
/// <c>ADJ-LEN-1</c>, <c>ADJ-CAM-n</c>. <see cref="ItemId"/> is unique within the pathway and stable: later events
/// about the item (rescheduled, cancelled, administered) name it.
/// </summary>
/// <param name="ItemType">One of <see cref="TherapyItemTypes"/>.</param>
/// <param name="Drug">One of <see cref="Drugs"/>.</param>
/// <param name="Phase">One of <see cref="TherapyPhases"/>.</param>
/// <param name="DoseMg">Planned dose in mg (lenvatinib: daily dose); null for TACE.</param>
/// <param name="RuleId">The rule that placed the item (SCHED-LEN, SCHED-TACE, SCHED-CAM, SURG-WASH, SURG-ADJ).</param>
/// <param name="FollowsItemId">The cascade rule: while this item is outstanding, it is due <see cref="DaysAfter"/> days after
/// the actual (or current due) date of this earlier item. Null for an item with a fixed date.</param>
public sealed record TherapyItemPlanned(
    Guid PathwayId,
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
    string RuleSetVersion,
    DateTimeOffset PlannedAt);

/// <summary>
/// A planned item moved from <see cref="PreviousDueOn"/> to <see cref="DueOn"/>. <see cref="Cause"/> (one of
/// <see cref="RescheduleCauses"/>) says why; for a cascade, <see cref="CausedByItemId"/> names the item whose actual
/// or delayed date moved this one (SCHED-CAM).
/// </summary>
public sealed record TherapyItemRescheduled(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly PreviousDueOn,
    DateOnly DueOn,
    string Cause,
    string? CausedByItemId,
    string? Reason,
    string RuleId,
    string RuleSetVersion,
    string RescheduledBy,
    DateTimeOffset RescheduledAt);

/// <summary>A planned item will not happen (e.g. SURG-WASH before surgery, or superseded by the adjuvant plan).</summary>
public sealed record TherapyItemCancelled(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly DueOn,
    string Reason,
    string? RuleId,
    string CancelledBy,
    DateTimeOffset CancelledAt);

/// <summary>The coordinator moved the regimen's start before lenvatinib started; each moved item gets its own <see cref="TherapyItemRescheduled"/>.</summary>
public sealed record RegimenStartChanged(
    Guid PathwayId,
    DateOnly PreviousStartOn,
    DateOnly StartOn,
    string Reason,
    string ChangedBy,
    DateTimeOffset ChangedAt);
