using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-TAA: TBS–AFP–ALBI score (Qiu et al. 2023, review [105]).</summary>
public static class TaaScore
{
    public static Validated<TaaResult> Calculate(double tumourBurdenScore, AfpNgPerMl afp, AlbiGrade albiGrade, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.Require(double.IsFinite(tumourBurdenScore) && tumourBurdenScore > 0, "tumourBurdenScore",
            "The tumour burden score must be a positive number.", "> 0");
        e.Check(afp);
        e.CheckEnum(albiGrade, "albiGrade");
        return e.Result(() => Compute(tumourBurdenScore, afp, albiGrade, ruleSet));
    }

    internal static TaaResult Compute(double tumourBurdenScore, AfpNgPerMl afp, AlbiGrade albiGrade, ClinicalRuleSet ruleSet)
    {
        // SCORE-TAA: cut-offs are configurable and UNVERIFIED; a value exactly on a cut-off counts as high.
        var tbsPoints = tumourBurdenScore >= (double)ruleSet.TaaTumourBurdenHighCutoff ? 2 : 0;
        var afpPoints = afp.NanogramsPerMillilitre >= ruleSet.TaaAfpHighCutoffNanogramsPerMillilitre ? 1 : 0;
        // SCORE-TAA: the review gives ALBI grade 1 → 0 and grade 2 → 1; grade 3 is not mentioned and also scores 1
        // (the maximum is 4 points, so grade 3 cannot score more).
        var albiPoints = albiGrade == AlbiGrade.Grade1 ? 0 : 1;
        var total = tbsPoints + afpPoints + albiPoints;
        var group = total switch
        {
            <= 1 => TaaRiskGroup.Low,
            <= 3 => TaaRiskGroup.Medium,
            _ => TaaRiskGroup.High,
        };
        return new TaaResult(tbsPoints, afpPoints, albiPoints, total, group, ruleSet.TaaCutoffsVerified, ruleSet.Version);
    }
}
