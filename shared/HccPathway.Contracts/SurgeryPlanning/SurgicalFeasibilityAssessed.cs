namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>
/// The surgeon's assessment for SURG-READY (2) and (5): whether R0 resection is feasible now (wide margin; vascular
/// thrombus inactivated or retracted) and whether another contraindication to surgery exists. Readiness cites
/// <see cref="AssessmentId"/> as its evidence id.
/// </summary>
public sealed record SurgicalFeasibilityAssessed(
    Guid PathwayId,
    Guid AssessmentId,
    DateOnly AssessedOn,
    bool R0ResectionFeasible,
    bool OtherContraindication,
    string? Notes,
    string AssessedBy,
    DateTimeOffset RecordedAt);
