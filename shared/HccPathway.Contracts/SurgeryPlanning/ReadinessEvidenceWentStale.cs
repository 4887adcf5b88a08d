namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>
/// SURG-READY: a piece of readiness evidence (the event that recorded a response, a liver function or a surgeon's
/// assessment) passed <c>ReadinessMaximumEvidenceAgeDays</c> on the patient's hospital day, so the criteria it supported
/// are unknown from <see cref="StaleOn"/> until newer evidence is recorded. Surgery planning's deadline sweep appends it
/// once per evidence event, with an event id derived from the pathway and that event, followed by the
/// <see cref="SurgicalReadinessEvaluated"/> the change causes, if the verdict or a criterion changed.
/// </summary>
/// <param name="EvidenceEventId">The event that recorded the evidence (as in <see cref="ReadinessEvidence.EventId"/>).</param>
/// <param name="RecordedOn">The clinical date of the evidence.</param>
/// <param name="StaleOn">The first day it is stale: <see cref="RecordedOn"/> plus <see cref="MaximumAgeDays"/> plus one.</param>
/// <param name="CriteriaKeys">The criteria (<see cref="ReadinessCriteria"/>) that rested on it.</param>
public sealed record ReadinessEvidenceWentStale(
    Guid PathwayId,
    Guid EvidenceEventId,
    DateOnly RecordedOn,
    DateOnly StaleOn,
    int MaximumAgeDays,
    IReadOnlyList<string> CriteriaKeys,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset DetectedAt);
