namespace HccPathway.Clinical.Rules;

/// <summary>Outcome of one criterion. Unknown means the value is missing or too old to rely on.</summary>
public enum CriterionOutcome
{
    Pass,
    Fail,
    Unknown,
}
