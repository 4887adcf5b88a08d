namespace HccPathway.Contracts.Intake;

/// <summary>
/// A clinician enrolled an eligible patient into LEN-TAP conversion therapy. Scheduling plans the regimen
/// from this message; it carries the latest weight because the lenvatinib dose depends on it (SCHED-LEN).
/// </summary>
public sealed record PatientEnrolled(
    Guid PathwayId,
    IReadOnlyList<string> EligibilityRules,
    decimal WeightKg,
    DateOnly EnrolledOn,
    string DecidedBy,
    string Rationale,
    DateTimeOffset EnrolledAt);

/// <summary>A clinician decided not to enrol the patient, with the reason. The pathway ends at intake.</summary>
public sealed record EnrolmentDeclined(
    Guid PathwayId,
    string DecidedBy,
    string Reason,
    DateTimeOffset DeclinedAt);
