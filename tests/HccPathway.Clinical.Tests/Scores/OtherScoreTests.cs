using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Scores;

public class TumourBurdenTests
{
    [Fact]
    public void SCORE_TBS_worked_example_3_tumours_largest_5_cm()
    {
        // √(5² + 3²) = √34 = 5.830951894845301.
        Assert.Equal(Math.Sqrt(34), TumourBurden.Score(3, LengthMm.FromMillimetres(50m)).Value, 12);
    }

    [Fact]
    public void SCORE_TBS_worked_example_single_12_mm_tumour()
    {
        // √(1.2² + 1²) = √2.44 = 1.5620499351813308.
        Assert.Equal(Math.Sqrt(2.44), TumourBurden.Score(1, LengthMm.FromMillimetres(12m)).Value, 12);
    }

    [Fact]
    public void SCORE_TBS_uses_centimetres_not_millimetres()
    {
        // 3 cm and 4 tumours: √(9 + 16) = 5, whether the size is built from mm or cm.
        Assert.Equal(5.0, TumourBurden.Score(4, LengthMm.FromCentimetres(3m)).Value, 12);
        Assert.Equal(5.0, TumourBurden.Score(4, LengthMm.FromMillimetres(30m)).Value, 12);
    }

    [Theory]
    [InlineData(0, 30, "tumourCount")]
    [InlineData(2, 0, "largestTumourMillimetres")]
    [InlineData(2, -4, "largestTumourMillimetres")]
    [InlineData(2, 301, "largestTumourMillimetres")]
    public void SCORE_TBS_rejects_impossible_inputs(int count, decimal mm, string field) =>
        Assert.Equal(field, Assert.Single(TumourBurden.Score(count, LengthMm.FromMillimetres(mm)).Errors).Field);
}

public class TaaScoreTests
{
    private static TaaResult Taa(double tbs, decimal afp, AlbiGrade grade, ClinicalRuleSet? rules = null) =>
        TaaScore.Calculate(tbs, AfpNgPerMl.FromNanogramsPerMillilitre(afp), grade, rules ?? ClinicalRuleSet.Default).Value;

    [Fact]
    public void SCORE_TAA_worked_example_high_4_points()
    {
        // TBS 5.83 ≥ 3.36 → 2; AFP 1200 ≥ 400 → 1; ALBI grade 2 → 1. Total 4 → high.
        var r = Taa(5.83, 1200m, AlbiGrade.Grade2);
        Assert.Equal((2, 1, 1, 4, TaaRiskGroup.High), (r.TumourBurdenPoints, r.AfpPoints, r.AlbiPoints, r.Total, r.Group));
    }

    [Fact]
    public void SCORE_TAA_worked_example_low_0_points()
    {
        var r = Taa(1.56, 8m, AlbiGrade.Grade1);
        Assert.Equal((0, TaaRiskGroup.Low), (r.Total, r.Group));
    }

    [Theory]
    [InlineData(0, 0, AlbiGrade.Grade2, 1, TaaRiskGroup.Low)]
    [InlineData(5, 0, AlbiGrade.Grade1, 2, TaaRiskGroup.Medium)]
    [InlineData(5, 0, AlbiGrade.Grade2, 3, TaaRiskGroup.Medium)]
    [InlineData(5, 500, AlbiGrade.Grade1, 3, TaaRiskGroup.Medium)]
    [InlineData(5, 500, AlbiGrade.Grade3, 4, TaaRiskGroup.High)]
    public void SCORE_TAA_group_boundaries_1_2_3_4(double tbsOffset, decimal afp, AlbiGrade grade, int total, TaaRiskGroup group)
    {
        var r = Taa(1.0 + tbsOffset, afp, grade);
        Assert.Equal((total, group), (r.Total, r.Group));
    }

    [Theory]
    [InlineData(3.35, 0)]
    [InlineData(3.36, 2)]
    [InlineData(3.37, 2)]
    public void SCORE_TAA_tbs_cut_off_below_at_above(double tbs, int points) =>
        Assert.Equal(points, Taa(tbs, 1m, AlbiGrade.Grade1).TumourBurdenPoints);

    [Theory]
    [InlineData(399.9, 0)]
    [InlineData(400, 1)]
    [InlineData(400.1, 1)]
    public void SCORE_TAA_afp_cut_off_below_at_above(decimal afp, int points) =>
        Assert.Equal(points, Taa(1.0, afp, AlbiGrade.Grade1).AfpPoints);

    [Fact]
    public void SCORE_TAA_albi_grade_3_scores_like_grade_2() =>
        Assert.Equal(1, Taa(1.0, 1m, AlbiGrade.Grade3).AlbiPoints);

    [Fact]
    public void SCORE_TAA_cut_offs_are_configurable_and_flagged_unverified_by_default()
    {
        Assert.False(Taa(1.0, 1m, AlbiGrade.Grade1).CutoffsVerified);
        var rules = ClinicalRuleSet.Default with { TaaTumourBurdenHighCutoff = 5m, TaaAfpHighCutoffNanogramsPerMillilitre = 200m, TaaCutoffsVerified = true };
        var r = Taa(4.9, 200m, AlbiGrade.Grade1, rules);
        Assert.Equal((0, 1, true), (r.TumourBurdenPoints, r.AfpPoints, r.CutoffsVerified));
    }

    [Fact]
    public void SCORE_TAA_rejects_non_positive_tbs_and_negative_afp()
    {
        var result = TaaScore.Calculate(0, AfpNgPerMl.FromNanogramsPerMillilitre(-1m), AlbiGrade.Grade1, ClinicalRuleSet.Default);
        Assert.Equal(["tumourBurdenScore", "afpNanogramsPerMillilitre"], result.Errors.Select(e => e.Field));
    }
}

public class BodySurfaceAreaTests
{
    [Fact]
    public void SCORE_BSA_worked_example_170_cm_70_kg()
    {
        // √(170 × 70 / 3600) = √3.305555… = 1.8181424769...
        var bsa = BodySurfaceArea.Mosteller(HeightCm.FromCentimetres(170m), WeightKg.FromKilograms(70m)).Value;
        Assert.Equal(Math.Sqrt(170.0 * 70.0 / 3600.0), bsa, 12);
        Assert.Equal(1.8181, bsa, 4);
    }

    [Fact]
    public void SCORE_BSA_worked_example_180_cm_80_kg_is_exactly_2() =>
        // 180 × 80 / 3600 = 4 → √4 = 2.
        Assert.Equal(2.0, BodySurfaceArea.Mosteller(HeightCm.FromMetres(1.80m), WeightKg.FromKilograms(80m)).Value, 12);

    [Theory]
    [InlineData(170, 0, "weightKilograms")]
    [InlineData(170, -60, "weightKilograms")]
    [InlineData(0, 70, "heightCentimetres")]
    [InlineData(1.7, 70, "heightCentimetres")]
    public void SCORE_BSA_rejects_impossible_body_measures(decimal cm, decimal kg, string field) =>
        Assert.Equal(field, Assert.Single(BodySurfaceArea.Mosteller(HeightCm.FromCentimetres(cm), WeightKg.FromKilograms(kg)).Errors).Field);
}

public class StandardLiverVolumeTests
{
    [Fact]
    public void SCORE_SLV_vauthey_is_the_default_worked_example_bsa_2()
    {
        // −794.41 + 1267.28 × 2 = 1740.15 mL.
        Assert.Equal(StandardLiverVolumeFormula.Vauthey, ClinicalRuleSet.Default.StandardLiverVolumeFormula);
        Assert.Equal(1740.15, StandardLiverVolume.Calculate(2.0, ClinicalRuleSet.Default).Value, 9);
    }

    [Fact]
    public void SCORE_SLV_urata_is_configurable_worked_example_bsa_2()
    {
        // 706.2 × 2 + 2.4 = 1414.8 mL.
        var rules = ClinicalRuleSet.Default with { StandardLiverVolumeFormula = StandardLiverVolumeFormula.Urata };
        Assert.Equal(1414.8, StandardLiverVolume.Calculate(2.0, rules).Value, 9);
    }

    [Theory]
    [InlineData(0.79)]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(3.51)]
    [InlineData(double.NaN)]
    public void SCORE_SLV_rejects_bsa_outside_the_formula_range(double bsa) =>
        Assert.Equal("bodySurfaceAreaSquareMetres", Assert.Single(StandardLiverVolume.Calculate(bsa, ClinicalRuleSet.Default).Errors).Field);

    [Theory]
    [InlineData(0.8)]
    [InlineData(3.5)]
    public void SCORE_SLV_accepts_bsa_range_limits(double bsa) =>
        Assert.True(StandardLiverVolume.Calculate(bsa, ClinicalRuleSet.Default).IsValid);
}

public class FutureLiverRemnantTests
{
    [Fact]
    public void SCORE_FLR_worked_example_600_of_1500_is_40_percent() =>
        Assert.Equal(0.40, FutureLiverRemnant.Ratio(VolumeMl.FromMillilitres(600m), 1500.0).Value, 12);

    [Theory]
    [InlineData(0, 1500, "futureLiverRemnantMillilitres")]
    [InlineData(-10, 1500, "futureLiverRemnantMillilitres")]
    [InlineData(600, 0, "standardLiverVolumeMillilitres")]
    [InlineData(600, -100, "standardLiverVolumeMillilitres")]
    public void SCORE_FLR_rejects_impossible_volumes(decimal flr, double slv, string field) =>
        Assert.Equal(field, Assert.Single(FutureLiverRemnant.Ratio(VolumeMl.FromMillilitres(flr), slv).Errors).Field);
}

public class AfpResponseTests
{
    private static AfpResponseResult Evaluate(decimal baseline, decimal current, ClinicalRuleSet? rules = null) =>
        AfpResponse.Evaluate(AfpNgPerMl.FromNanogramsPerMillilitre(baseline), AfpNgPerMl.FromNanogramsPerMillilitre(current),
            rules ?? ClinicalRuleSet.Default).Value;

    [Theory]
    [InlineData(201, AfpResponseStatus.NonResponder)]   // 79.9 %
    [InlineData(200, AfpResponseStatus.Responder)]      // exactly 80 %
    [InlineData(199, AfpResponseStatus.Responder)]      // 80.1 %
    public void SCORE_AFPR_80_percent_cut_off_below_at_above(decimal current, AfpResponseStatus status) =>
        Assert.Equal(status, Evaluate(1000m, current).Status);

    [Fact]
    public void SCORE_AFPR_worked_example_decrease_percent()
    {
        // (1000 − 200) / 1000 × 100 = 80 %.
        var r = Evaluate(1000m, 200m);
        Assert.Equal(80m, r.DecreasePercent);
        Assert.Equal(80m, r.ThresholdPercent);
    }

    [Fact]
    public void SCORE_AFPR_a_rise_is_a_negative_decrease()
    {
        var r = Evaluate(100m, 150m);
        Assert.Equal(-50m, r.DecreasePercent);
        Assert.Equal(AfpResponseStatus.NonResponder, r.Status);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(8)]
    public void SCORE_AFPR_not_evaluable_when_baseline_not_above_upper_limit_of_normal(decimal baseline)
    {
        var r = Evaluate(baseline, 1m);
        Assert.Equal(AfpResponseStatus.NotEvaluable, r.Status);
        Assert.Null(r.DecreasePercent);
    }

    [Fact]
    public void SCORE_AFPR_evaluable_just_above_upper_limit_of_normal() =>
        Assert.Equal(AfpResponseStatus.Responder, Evaluate(20.1m, 2m).Status);

    [Fact]
    public void SCORE_AFPR_threshold_is_configurable_50_percent()
    {
        var rules = ClinicalRuleSet.Default with { AfpResponseMinimumDecreasePercent = 50m };
        Assert.Equal(AfpResponseStatus.Responder, Evaluate(1000m, 500m, rules).Status);
        Assert.Equal(AfpResponseStatus.NonResponder, Evaluate(1000m, 501m, rules).Status);
    }

    [Fact]
    public void SCORE_AFPR_rejects_negative_values()
    {
        var result = AfpResponse.Evaluate(AfpNgPerMl.FromNanogramsPerMillilitre(-1m), AfpNgPerMl.FromNanogramsPerMillilitre(-2m), ClinicalRuleSet.Default);
        Assert.Equal(["baselineAfpNanogramsPerMillilitre", "currentAfpNanogramsPerMillilitre"], result.Errors.Select(e => e.Field));
    }
}
