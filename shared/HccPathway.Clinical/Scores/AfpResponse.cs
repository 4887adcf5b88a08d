using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-AFPR: AFP response, the surrogate used for salvage hepatectomy in review [108].</summary>
public static class AfpResponse
{
    public static Validated<AfpResponseResult> Evaluate(AfpNgPerMl baseline, AfpNgPerMl current, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.Check(baseline, "baselineAfpNanogramsPerMillilitre");
        e.Check(current, "currentAfpNanogramsPerMillilitre");
        return e.Result(() => Compute(baseline, current, ruleSet));
    }

    internal static AfpResponseResult Compute(AfpNgPerMl baseline, AfpNgPerMl current, ClinicalRuleSet ruleSet)
    {
        var threshold = ruleSet.AfpResponseMinimumDecreasePercent;
        // SCORE-AFPR: only defined when baseline AFP is above the upper limit of normal.
        if (baseline.NanogramsPerMillilitre <= ruleSet.AfpUpperLimitOfNormalNanogramsPerMillilitre)
        {
            return new AfpResponseResult(AfpResponseStatus.NotEvaluable, null, threshold, ruleSet.Version);
        }

        // decimal arithmetic keeps the boundary exact: 1000 → 200 ng/mL is exactly 80%.
        var decrease = (baseline.NanogramsPerMillilitre - current.NanogramsPerMillilitre) / baseline.NanogramsPerMillilitre * 100m;
        var status = decrease >= threshold ? AfpResponseStatus.Responder : AfpResponseStatus.NonResponder;
        return new AfpResponseResult(status, decrease, threshold, ruleSet.Version);
    }
}
