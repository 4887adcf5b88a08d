using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Surgery;

/// <summary>SURG-CCR options after a response.</summary>
public enum SurgicalStrategy
{
    WatchAndWait,
    SalvageResection,
}

/// <summary>
/// SURG-CCR suggestion for the MDT. <see cref="Preferred"/> is null when the options are offered as equals.
/// The MDT decision, with its rationale, is recorded by the caller as an event.
/// </summary>
public sealed record SalvageRecommendation(
    IReadOnlyList<SurgicalStrategy> Options,
    SurgicalStrategy? Preferred,
    string Rationale,
    string RuleSetVersion)
{
    public string RuleId => "SURG-CCR";
}

/// <summary>SURG-CCR (review [86–88]): watch-and-wait after a confirmed cCR, salvage resection preferred after PR.</summary>
public static class SalvageStrategy
{
    public static SalvageRecommendation Recommend(
        ResponseCategory latestMrecist,
        CcrEvaluation? ccr,
        bool highSurgicalRisk,
        ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        if (ccr is { IsClinicalCompleteResponse: true })
        {
            return highSurgicalRisk
                ? new SalvageRecommendation([SurgicalStrategy.WatchAndWait, SurgicalStrategy.SalvageResection], SurgicalStrategy.WatchAndWait,
                    "Confirmed cCR with high surgical risk: watch-and-wait is suggested as the alternative to salvage resection.", ruleSet.Version)
                : new SalvageRecommendation([SurgicalStrategy.WatchAndWait, SurgicalStrategy.SalvageResection], null,
                    "Confirmed cCR: watch-and-wait is offered as an alternative to salvage resection; the MDT chooses.", ruleSet.Version);
        }

        return latestMrecist switch
        {
            ResponseCategory.CompleteResponse => new SalvageRecommendation([SurgicalStrategy.SalvageResection], null,
                "mRECIST CR without a confirmed cCR (RESP-CCR): watch-and-wait is not offered yet; reassess or consider resection (SURG-READY).",
                ruleSet.Version),
            ResponseCategory.PartialResponse => new SalvageRecommendation([SurgicalStrategy.SalvageResection], SurgicalStrategy.SalvageResection,
                "Partial response: salvage resection is preferred.", ruleSet.Version),
            _ => new SalvageRecommendation([], null,
                "No SURG-CCR suggestion for this response; see SURG-READY for SD and FAIL-1 for progression.", ruleSet.Version),
        };
    }
}
