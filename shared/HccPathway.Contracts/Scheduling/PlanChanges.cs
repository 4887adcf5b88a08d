namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// The coordinator skipped an outstanding item, with the reason: it will not be given, and it does not block the items
/// after it (SCHED-SKIP). Items that follow it stay due from its due date; for camrelizumab the rolling horizon plans
/// one more dose (SCHED-CYCLES).
/// </summary>
public sealed record TherapyItemSkipped(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly DueOn,
    string Reason,
    string SkippedBy,
    DateTimeOffset SkippedAt);

/// <summary>
/// A clinician ordered another TACE session (SCHED-TACE-REPEAT), on demand or after an MDT review. The session itself
/// is the <see cref="TherapyItemPlanned"/> that precedes this event in the same append (<see cref="ItemId"/>).
/// <see cref="CamrelizumabItemId"/> names the first camrelizumab dose, not yet given, that now follows this session
/// instead of the earlier one (SCHED-CAM: two weeks after TACE); null when camrelizumab has started already.
/// </summary>
public sealed record TaceSessionOrdered(
    Guid PathwayId,
    string ItemId,
    int SessionNumber,
    DateOnly DueOn,
    string Reason,
    Guid? MdtDecisionId,
    string? CamrelizumabItemId,
    string RuleId,
    string RuleSetVersion,
    string OrderedBy,
    DateTimeOffset OrderedAt);
