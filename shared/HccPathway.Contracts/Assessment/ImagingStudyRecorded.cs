namespace HccPathway.Contracts.Assessment;

/// <summary>
/// One imaging study as the radiologist read it. The baseline study (<see cref="IsBaseline"/>) chooses the target
/// lesions by a stable <see cref="TargetLesionMeasurement.LesionId"/>; later studies measure the same ids. Lengths are
/// in millimetres. Extrahepatic disease that is not a target is reported in <see cref="ExtrahepaticStatus"/>.
/// </summary>
/// <param name="Modality">One of <see cref="ImagingModalities"/>.</param>
/// <param name="NonTargetStatus">One of <see cref="NonTargetStatuses"/>.</param>
/// <param name="ExtrahepaticStatus">One of <see cref="ExtrahepaticStatuses"/>.</param>
public sealed record ImagingStudyRecorded(
    Guid PathwayId,
    Guid StudyId,
    DateOnly StudyOn,
    string Modality,
    bool IsBaseline,
    IReadOnlyList<TargetLesionMeasurement> TargetLesions,
    string NonTargetStatus,
    IReadOnlyList<NewLesion> NewLesions,
    string ExtrahepaticStatus,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// A target lesion on one study. <see cref="DiameterMm"/> is the longest diameter, or the short axis for a lymph node
/// (RESP-RECIST). <see cref="ViableDiameterMm"/> is the longest arterially enhancing diameter (RESP-MRECIST): 0 when no
/// enhancement is left, null when not read (and for lymph nodes, which keep their short axis). <see cref="Organ"/> is
/// lower case; "liver" is intrahepatic.
/// </summary>
public sealed record TargetLesionMeasurement(
    string LesionId,
    string Organ,
    bool IsLymphNode,
    decimal DiameterMm,
    decimal? ViableDiameterMm);

/// <param name="Site">One of <see cref="LesionSites"/>.</param>
/// <param name="DiameterMm">Longest diameter when measured.</param>
public sealed record NewLesion(string LesionId, string Site, string Organ, decimal? DiameterMm);
