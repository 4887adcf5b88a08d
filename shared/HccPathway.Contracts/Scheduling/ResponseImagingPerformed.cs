namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SCHED-IMG: a booked response imaging study (<c>IMG-n</c>) took place. Scheduling appends it when Assessment's
/// <c>assessment.response-assessed.v1</c> arrives for a follow-up study: the study fulfils the earliest imaging item
/// still outstanding, whatever its date, and the plan books the next one to keep its horizon.
/// </summary>
public sealed record ResponseImagingPerformed(
    Guid PathwayId,
    string ItemId,
    Guid StudyId,
    DateOnly PerformedOn,
    DateOnly PlannedOn,
    string Modality,
    DateTimeOffset RecordedAt);
