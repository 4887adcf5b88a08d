namespace HccPathway.Clinical.Scores;

/// <summary>
/// SCORE-TAA result. <see cref="CutoffsVerified"/> repeats the rule set's flag: while false, a consumer should
/// show the score as provisional because the TBS and AFP cut-offs have not been checked against the paper.
/// </summary>
public sealed record TaaResult(
    int TumourBurdenPoints,
    int AfpPoints,
    int AlbiPoints,
    int Total,
    TaaRiskGroup Group,
    bool CutoffsVerified,
    string RuleSetVersion);
