namespace HccPathway.Contracts.Assessment;

/// <summary>
/// A recorded imaging study read again: these values replace the study's for every decision from now on. The study
/// keeps its id, its place in the series and whether it is a baseline. The original <see cref="ImagingStudyRecorded"/>
/// stays in the stream; the responses derived from the study are assessed again, each naming <see cref="CorrectionId"/>.
/// </summary>
public sealed record ImagingStudyCorrected(
    Guid PathwayId,
    Guid StudyId,
    Guid CorrectionId,
    DateOnly StudyOn,
    string Modality,
    IReadOnlyList<TargetLesionMeasurement> TargetLesions,
    string NonTargetStatus,
    IReadOnlyList<NewLesion> NewLesions,
    string ExtrahepaticStatus,
    string Reason,
    string CorrectedBy,
    DateTimeOffset CorrectedAt);

/// <summary>
/// A recorded imaging study should never have been recorded (wrong patient, wrong date, a duplicate). It no longer
/// counts for any decision; its response is withdrawn (<see cref="ResponseWithdrawn"/>) and the studies after it are
/// assessed again, each naming <see cref="CorrectionId"/>.
/// </summary>
public sealed record ImagingStudyEnteredInError(
    Guid PathwayId,
    Guid StudyId,
    Guid CorrectionId,
    string Reason,
    string MarkedBy,
    DateTimeOffset MarkedAt);

/// <summary>The response of a study entered in error no longer counts; <see cref="CausedBy"/> is the correction.</summary>
public sealed record ResponseWithdrawn(
    Guid PathwayId,
    Guid StudyId,
    DateOnly StudyOn,
    Guid CausedBy,
    DateTimeOffset WithdrawnAt);

/// <summary>
/// A progression (<see cref="ProgressionDetected"/>) of a study no longer holds: the study was corrected or entered in
/// error. FAIL-1 no longer rests on it. <see cref="CausedBy"/> is the correction.
/// </summary>
public sealed record ProgressionWithdrawn(
    Guid PathwayId,
    Guid StudyId,
    DateOnly StudyOn,
    Guid CausedBy,
    DateTimeOffset WithdrawnAt);
