namespace HccPathway.Contracts.Assessment;

/// <summary>
/// Response assessment began for an enrolled pathway: from now on imaging, markers, liver function and adverse events
/// are recorded. <see cref="EnrolmentEventId"/> is the <c>intake.patient-enrolled.v1</c> event that opened it.
/// <see cref="BaselineMarkers"/> are the tumour markers of the latest intake baseline, the reference of SCORE-AFPR and
/// RESP-CCR (2); null when intake recorded none.
/// </summary>
public sealed record ResponseAssessmentStarted(
    Guid PathwayId,
    DateOnly EnrolledOn,
    Guid EnrolmentEventId,
    BaselineMarkers? BaselineMarkers,
    DateTimeOffset StartedAt);

/// <summary>Tumour markers at baseline, with the event that recorded them.</summary>
public sealed record BaselineMarkers(
    DateOnly MeasuredOn,
    decimal AfpNanogramsPerMillilitre,
    decimal? DcpMilliUnitsPerMillilitre,
    Guid SourceEventId);
