using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-CCR result: the four criteria, the date from which (1)–(3) have all held, and whether that has lasted the
/// stability period up to the latest mRECIST complete response.
/// </summary>
public sealed record CcrEvaluation(
    bool IsClinicalCompleteResponse,
    IReadOnlyList<Criterion> Criteria,
    DateOnly? ConditionsMetSince,
    DateOnly? ConfirmedOn,
    string RuleSetVersion);
