using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Eligibility;

public class BaselineEvaluatorTests
{
    private static Validated<BaselineEvaluation> Evaluate(BaselineAssessment a) => BaselineEvaluator.Evaluate(a, ClinicalRuleSet.Default);

    private static string[] Fields(BaselineAssessment a) => Evaluate(a).Errors.Select(e => e.Field).ToArray();

    [Fact]
    public void ELIG_X_baseline_worked_example_every_score()
    {
        var e = Evaluate(Baselines.FlrRoute()).Value;
        // SCORE-CP: bilirubin 15 (1) + albumin 42 (1) + INR 1.1 (1) + no ascites (1) + no HE (1) = 5 → A.
        Assert.Equal((5, ChildPughClass.A), (e.ChildPugh.Total, e.ChildPugh.Class));
        // SCORE-ALBI: 0.66 × log10(15) − 0.085 × 42 = 0.776220 − 3.57 = −2.793780 → grade 1.
        Assert.Equal(-2.7937797690232506, e.Albi.Score, 12);
        Assert.Equal(AlbiGrade.Grade1, e.Albi.Grade);
        // SCORE-TBS: √(6² + 1²) = √37 = 6.082763.
        Assert.Equal(Math.Sqrt(37), e.TumourBurdenScore, 12);
        // SCORE-TAA: TBS 6.08 ≥ 3.36 → 2; AFP 850 ≥ 400 → 1; ALBI 1 → 0: 3 → medium.
        Assert.Equal((3, TaaRiskGroup.Medium), (e.Taa.Total, e.Taa.Group));
        // SCORE-BSA: √(170 × 70 / 3600) = 1.818119; SCORE-SLV: −794.41 + 1267.28 × 1.818119 = 1509.655.
        Assert.Equal(1.818118685772619, e.BodySurfaceAreaSquareMetres, 12);
        Assert.Equal(1509.6554481059247, e.StandardLiverVolumeMillilitres, 9);
        // SCORE-FLR: 500 / 1509.655 = 0.331201.
        Assert.Equal(0.3312014013709687, e.FutureLiverRemnantRatio!.Value, 12);
        Assert.Equal(CnlcStage.Ib, e.Stage);
        Assert.False(e.MacrovascularInvasion);
        Assert.False(e.ExtrahepaticSpread);
        Assert.Empty(e.PvttVpEquivalent);
        Assert.Equal("2026.2", e.RuleSetVersion);
    }

    [Fact]
    public void STAGE_PVTT_baseline_reports_vp_equivalent()
    {
        var e = Evaluate(Baselines.ResectableWithMainPortalThrombus()).Value;
        Assert.True(e.MacrovascularInvasion);
        Assert.Equal([JapaneseVpGrade.Vp4], e.PvttVpEquivalent);
    }

    [Fact]
    public void ELIG_X_baseline_without_flr_volume_has_no_ratio()
    {
        var e = Evaluate(Baselines.FlrRoute() with { FutureLiverRemnantVolume = null }).Value;
        Assert.Null(e.FutureLiverRemnantRatio);
    }

    [Fact]
    public void ELIG_X_baseline_largest_of_several_diameters_drives_stage_and_tbs()
    {
        var e = Evaluate(Baselines.FlrRoute() with
        {
            TumourCount = 3,
            TumourDiameters = [LengthMm.FromMillimetres(20m), LengthMm.FromMillimetres(40m), LengthMm.FromMillimetres(25m)],
        }).Value;
        Assert.Equal(CnlcStage.IIa, e.Stage);
        // √(4² + 3²) = 5.
        Assert.Equal(5.0, e.TumourBurdenScore, 12);
    }

    [Fact]
    public void ELIG_X_baseline_rejects_implausible_values_naming_each_field()
    {
        var bad = Baselines.FlrRoute() with
        {
            Albumin = Albumin.FromGramsPerLitre(0m),
            Inr = Inr.FromRatio(0m),
            Weight = WeightKg.FromKilograms(0m),
            TumourDiameters = [LengthMm.FromMillimetres(-5m)],
        };
        var result = Evaluate(bad);
        Assert.False(result.IsValid);
        Assert.Equal(["albuminGramsPerLitre", "inr", "weightKilograms", "tumourDiametersMillimetres[0]"], result.Errors.Select(e => e.Field));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.AllowedRange)));
    }

    [Fact]
    public void ELIG_X_baseline_rejects_albumin_120() =>
        Assert.Equal(["albuminGramsPerLitre"], Fields(Baselines.FlrRoute() with { Albumin = Albumin.FromGramsPerLitre(120m) }));

    [Fact]
    public void ELIG_X_baseline_rejects_more_diameters_than_tumours() =>
        Assert.Equal(["tumourDiametersMillimetres"], Fields(Baselines.FlrRoute() with
        {
            TumourDiameters = [LengthMm.FromMillimetres(20m), LengthMm.FromMillimetres(30m)],
        }));

    [Fact]
    public void ELIG_X_baseline_rejects_missing_tumour_measurement() =>
        Assert.Equal(["tumourDiametersMillimetres"], Fields(Baselines.FlrRoute() with { TumourDiameters = [] }));

    [Fact]
    public void ELIG_X_baseline_lung_nodules_need_a_size_and_a_size_needs_nodules()
    {
        Assert.Equal(["largestPulmonaryNoduleMillimetres"], Fields(Baselines.FlrRoute() with { PulmonaryNoduleCount = 2 }));
        Assert.Equal(["largestPulmonaryNoduleMillimetres"], Fields(Baselines.FlrRoute() with { LargestPulmonaryNodule = LengthMm.FromMillimetres(8m) }));
    }

    [Fact]
    public void ELIG_X_baseline_resectability_reasons_must_match_the_verdict()
    {
        Assert.Equal(["resectability.reasons"], Fields(Baselines.FlrRoute() with
        {
            Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.None),
        }));
        Assert.Equal(["resectability.reasons"], Fields(Baselines.FlrRoute() with
        {
            Resectability = new ResectabilityAssessment(true, UnresectableReasons.IntolerableLiverFunction),
        }));
        Assert.Equal(["resectability.reasons"], Fields(Baselines.FlrRoute() with
        {
            Resectability = ResectabilityAssessment.Unresectable((UnresectableReasons)64),
        }));
        Assert.Equal(["resectability"], Fields(Baselines.FlrRoute() with { Resectability = null! }));
    }

    [Theory]
    [InlineData(17)]
    [InlineData(121)]
    public void ELIG_X_baseline_rejects_implausible_age(int age) =>
        Assert.Equal(["ageYears"], Fields(Baselines.FlrRoute() with { AgeYears = age }));

    [Fact]
    public void ELIG_X_baseline_rejects_out_of_range_optional_values_when_given()
    {
        var fields = Fields(Baselines.FlrRoute() with
        {
            IcgR15 = IcgR15Percent.FromPercent(101m),
            FutureLiverRemnantVolume = VolumeMl.FromMillilitres(0m),
            Dcp = DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(-1m),
            Ast = AminotransferaseUnitsPerLitre.FromUnitsPerLitre(0m),
            Alt = AminotransferaseUnitsPerLitre.FromUnitsPerLitre(0m),
            Pvtt = (PvttType)9,
            Ecog = 5,
            EncephalopathyGrade = 5,
            Height = HeightCm.FromCentimetres(0m),
            TumourCount = 0,
        });
        Assert.Equal(
            [
                "dcpMilliArbitraryUnitsPerMillilitre", "astUnitsPerLitre", "altUnitsPerLitre", "encephalopathyGrade", "ecog",
                "heightCentimetres", "tumourCount", "tumourDiametersMillimetres", "pvttChengType", "icgR15Percent",
                "futureLiverRemnantMillilitres",
            ],
            fields);
    }

    [Fact]
    public void ELIG_X_baseline_body_size_beyond_slv_formula_range_is_rejected()
    {
        // 250 cm, 300 kg: BSA = √(250 × 300 / 3600) = 4.56 m², beyond the 3.5 m² the SLV regressions cover.
        var result = Evaluate(Baselines.FlrRoute() with { Height = HeightCm.FromCentimetres(250m), Weight = WeightKg.FromKilograms(300m) });
        Assert.Equal("bodySurfaceAreaSquareMetres", Assert.Single(result.Errors).Field);
    }
}
