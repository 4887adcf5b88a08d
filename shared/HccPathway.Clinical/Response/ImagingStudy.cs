namespace HccPathway.Clinical.Response;

/// <summary>One imaging study: the target measurements, the non-target status and whether a new lesion appeared.</summary>
public sealed record ImagingStudy(
    string StudyId,
    DateOnly Date,
    IReadOnlyList<LesionMeasurement> Measurements,
    NonTargetStatus NonTarget = NonTargetStatus.Absent,
    bool NewLesion = false);
