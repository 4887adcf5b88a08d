namespace HccPathway.Clinical.Response;

/// <summary>The target lesions, the baseline study and the follow-up studies of one patient.</summary>
public sealed record ResponseSeries(
    IReadOnlyList<TargetLesion> TargetLesions,
    ImagingStudy? Baseline,
    IReadOnlyList<ImagingStudy> FollowUps);
