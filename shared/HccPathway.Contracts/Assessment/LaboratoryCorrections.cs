namespace HccPathway.Contracts.Assessment;

/// <summary>
/// A tumour marker sample corrected: <see cref="Corrected"/> is the sample as it should have been recorded (same id,
/// values converted and compared with the baseline again, SCORE-AFPR and RESP-CCR (2)); it replaces the recorded one.
/// The cCR (RESP-CCR) is evaluated again.
/// </summary>
public sealed record TumourMarkersCorrected(
    Guid PathwayId,
    Guid SampleId,
    Guid CorrectionId,
    TumourMarkersRecorded Corrected,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>A tumour marker sample that should never have been recorded; it no longer counts, and RESP-CCR is evaluated again.</summary>
public sealed record TumourMarkersEnteredInError(
    Guid PathwayId,
    Guid SampleId,
    Guid CorrectionId,
    string Reason,
    string MarkedBy,
    DateTimeOffset MarkedAt);

/// <summary>
/// A liver function assessment corrected: <see cref="Corrected"/> is the assessment as it should have been recorded
/// (same id, SCORE-CP, SCORE-SLV and SCORE-FLR computed again); it replaces the recorded one for SURG-READY and SURG-WASH.
/// </summary>
public sealed record LiverFunctionCorrected(
    Guid PathwayId,
    Guid AssessmentId,
    Guid CorrectionId,
    LiverFunctionAssessed Corrected,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>A liver function assessment that should never have been recorded; its values no longer count.</summary>
public sealed record LiverFunctionEnteredInError(
    Guid PathwayId,
    Guid AssessmentId,
    Guid CorrectionId,
    string Reason,
    string MarkedBy,
    DateTimeOffset MarkedAt);
