using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Eligibility;

/// <summary>
/// ELIG-X: the eligibility decision. Lists every criterion evaluated for every group, with value, threshold,
/// outcome and rule ID, and the rule-set version that produced it. Eligible only when a group matched with all of
/// its required criteria passing; an Unknown never counts as a pass.
/// </summary>
public sealed record EligibilityDecision(
    bool Eligible,
    IReadOnlyList<EligibilityGroup> MatchedGroups,
    IReadOnlyList<Criterion> Criteria,
    string RuleSetVersion)
{
    public bool HasUnknownCriteria => Criteria.Any(c => c.Outcome == CriterionOutcome.Unknown);

    public IEnumerable<Criterion> CriteriaFor(string ruleId) => Criteria.Where(c => c.RuleId == ruleId);
}
