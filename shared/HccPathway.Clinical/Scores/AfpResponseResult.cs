namespace HccPathway.Clinical.Scores;

/// <summary>
/// SCORE-AFPR result. <see cref="DecreasePercent"/> is positive for a fall and negative for a rise;
/// null when not evaluable.
/// </summary>
public sealed record AfpResponseResult(
    AfpResponseStatus Status,
    decimal? DecreasePercent,
    decimal ThresholdPercent,
    string RuleSetVersion);
