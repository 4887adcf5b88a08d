namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SCHED-MDT: the MDT review booked after a response assessment (<c>MDT-n</c>) took place. Scheduling appends it when
/// SurgeryPlanning's <c>surgery-planning.mdt-decision-recorded.v1</c> arrives: the decision fulfils the earliest review
/// still outstanding whose study was on or before the decision date. A decision already counted appends nothing.
/// </summary>
/// <param name="MdtDecisionId">SurgeryPlanning's decision that fulfilled the review.</param>
/// <param name="Outcome">The decision's outcome (one of <c>MdtOutcomes</c>).</param>
public sealed record MdtReviewHeld(
    Guid PathwayId,
    string ItemId,
    Guid MdtDecisionId,
    string Outcome,
    DateOnly HeldOn,
    DateOnly PlannedOn,
    DateTimeOffset RecordedAt);
