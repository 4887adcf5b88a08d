namespace HccPathway.Contracts.Assessment;

/// <summary>
/// The report of an adverse event corrected (RESP-AE): term, grade at onset, onset and attribution replace the
/// reported ones. Later gradings stand; <see cref="CurrentGrade"/> is the event's grade after the correction (the
/// corrected onset grade when it was never graded again), so a consumer deciding holds (SCHED-HOLD) needs no history.
/// </summary>
public sealed record AdverseEventCorrected(
    Guid PathwayId,
    Guid AdverseEventId,
    Guid CorrectionId,
    string CtcaeTerm,
    int Grade,
    DateOnly OnsetOn,
    bool TreatmentRelated,
    IReadOnlyList<string> SuspectedDrugs,
    int CurrentGrade,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>
/// An adverse event that should never have been reported (another patient, a duplicate): it and all its gradings no
/// longer count, and the holds derived from it (SCHED-HOLD) no longer rest on it.
/// </summary>
public sealed record AdverseEventEnteredInError(
    Guid PathwayId,
    Guid AdverseEventId,
    Guid CorrectionId,
    string Reason,
    string MarkedBy,
    DateTimeOffset MarkedAt);
