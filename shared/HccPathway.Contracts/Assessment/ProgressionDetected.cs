namespace HccPathway.Contracts.Assessment;

/// <summary>
/// A study showed progression (PD under RECIST 1.1 or mRECIST) and RESP-PROG classified its pattern, which FAIL-1 acts
/// on. One per progressing study. The findings say where disease grew or appeared. When a correction changes them, a
/// later one of the same study replaces it and <see cref="CausedBy"/> names the correction (null otherwise).
/// </summary>
/// <param name="Pattern">One of <see cref="ProgressionPatternNames"/>.</param>
/// <param name="FailureRuleId">The FAIL-1 branch the pattern maps to ("FAIL-1a", "FAIL-1b", "FAIL-1c"), or null.</param>
public sealed record ProgressionDetected(
    Guid PathwayId,
    Guid StudyId,
    DateOnly StudyOn,
    string Pattern,
    string? FailureRuleId,
    ProgressionSites Findings,
    string RecistCategory,
    string MrecistCategory,
    IReadOnlyList<string> Reasons,
    string RuleSetVersion,
    DateTimeOffset DetectedAt,
    Guid? CausedBy = null);

/// <summary>Where progression was seen. New lesion ids are those of the study's new lesions at each site.</summary>
public sealed record ProgressionSites(
    bool IntrahepaticGrowth,
    IReadOnlyList<string> NewIntrahepaticLesionIds,
    bool ExtrahepaticGrowth,
    IReadOnlyList<string> NewExtrahepaticLesionIds);
