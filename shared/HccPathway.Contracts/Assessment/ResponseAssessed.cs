namespace HccPathway.Contracts.Assessment;

/// <summary>
/// The response at one study under both RECIST 1.1 (RESP-RECIST) and mRECIST (RESP-MRECIST), computed from the
/// baseline and every study since. One per recorded study; for the baseline study (<see cref="IsBaseline"/>) the
/// categories are null and only the baseline sums are given. A study corrected or entered in error makes the responses
/// after it be assessed again: a later <c>ResponseAssessed</c> of the same study replaces the earlier one, and
/// <see cref="CausedBy"/> names the correction (null for a study's first assessment, and in events stored before).
/// </summary>
/// <param name="ExtrahepaticStatus">As read on the study, one of <see cref="ExtrahepaticStatuses"/>.</param>
public sealed record ResponseAssessed(
    Guid PathwayId,
    Guid StudyId,
    DateOnly StudyOn,
    string Modality,
    bool IsBaseline,
    Guid BaselineStudyId,
    DateOnly BaselineOn,
    CriteriaResponse Recist,
    CriteriaResponse Mrecist,
    IReadOnlyList<NewLesion> NewLesions,
    string ExtrahepaticStatus,
    string RuleSetVersion,
    DateTimeOffset AssessedAt,
    Guid? CausedBy = null);

/// <summary>
/// The result under one criterion. Sums in mm; percentages positive for growth, rounded to 2 decimals, null when the
/// sum is unknown or the reference is 0. <see cref="NadirSumMm"/> is the smallest sum before this study (the baseline
/// counts). <see cref="BestOverallResponse"/> is the best category from the baseline up to and including the first PD.
/// </summary>
/// <param name="Criteria">One of <see cref="ResponseCriteriaNames"/>.</param>
/// <param name="Category">One of <see cref="ResponseCategories"/>; null on the baseline study.</param>
/// <param name="Reason">Why, in words, e.g. "PD: new lesion L7 (intrahepatic, liver)".</param>
public sealed record CriteriaResponse(
    string Criteria,
    string RuleId,
    string? Category,
    decimal? SumMm,
    decimal BaselineSumMm,
    decimal? NadirSumMm,
    decimal? PercentChangeFromBaseline,
    decimal? PercentChangeFromNadir,
    string Reason,
    string? BestOverallResponse);
