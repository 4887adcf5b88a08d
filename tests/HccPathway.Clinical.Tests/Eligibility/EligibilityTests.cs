using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Eligibility;

public class EligibilityTests
{
    private static EligibilityDecision Decide(BaselineAssessment a, ClinicalRuleSet? rules = null) =>
        BaselineEvaluator.Evaluate(a, rules ?? ClinicalRuleSet.Default).Value.Eligibility;

    private static Criterion Find(EligibilityDecision d, string ruleId, string nameStart) =>
        Assert.Single(d.Criteria, c => c.RuleId == ruleId && c.Name.StartsWith(nameStart, StringComparison.Ordinal));

    [Fact]
    public void ELIG_1_flr_route_patient_is_eligible_with_every_criterion_listed()
    {
        var d = Decide(Baselines.FlrRoute());
        Assert.True(d.Eligible);
        Assert.Equal([EligibilityGroup.SurgicallyUnresectableEarlyStage], d.MatchedGroups);
        Assert.Equal("2026.2", d.RuleSetVersion);
        // ELIG-1: stage, unresectable, 8 FLR-route criteria; ELIG-2: 3; ELIG-3: 5; ELIG-X: 1.
        Assert.Equal(10, d.CriteriaFor("ELIG-1").Count());
        Assert.Equal(3, d.CriteriaFor("ELIG-2").Count());
        Assert.Equal(5, d.CriteriaFor("ELIG-3").Count());
        Assert.Equal(CriterionOutcome.Pass, Assert.Single(d.CriteriaFor("ELIG-X")).Outcome);
        Assert.All(d.CriteriaFor("ELIG-1"), c => Assert.Equal(CriterionOutcome.Pass, c.Outcome));
        Assert.All(d.Criteria, c => Assert.Equal(new EvidenceRef("evt-baseline-1", new DateOnly(2025, 3, 3)), Assert.Single(c.Evidence)));
    }

    [Fact]
    public void ELIG_1_flr_ratio_criterion_reports_value_and_threshold()
    {
        var c = Find(Decide(Baselines.FlrRoute()), "ELIG-1", "FLR route: FLR/SLV");
        // 500 / 1509.655 = 33.12 %.
        Assert.Equal(33.12m, Math.Round(c.ObservedValue!.Value, 2));
        Assert.Equal("%", c.Unit);
        Assert.Equal("< 40 %", c.Threshold);
        Assert.Equal("33.1 %", c.Observed);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    [InlineData(66, false)]
    public void ELIG_1_flr_route_age_below_65(int age, bool eligible)
    {
        var d = Decide(Baselines.FlrRoute() with { AgeYears = age });
        Assert.Equal(eligible, d.Eligible);
        Assert.Equal(CriterionText(eligible), Find(d, "ELIG-1", "FLR route: age").Outcome);
    }

    [Theory]
    [InlineData(9.9, true)]
    [InlineData(10.0, false)]
    [InlineData(10.1, false)]
    public void ELIG_1_flr_route_icg_r15_below_10_percent(decimal icg, bool eligible) =>
        Assert.Equal(eligible, Decide(Baselines.FlrRoute() with { IcgR15 = IcgR15Percent.FromPercent(icg) }).Eligible);

    [Theory]
    [InlineData(694.32, true)]   // 694.32 / 1740.15 = 39.9 %
    [InlineData(696.06, false)]  // 696.06 / 1740.15 = 40.0 % exactly: not insufficient
    [InlineData(697.80, false)]  // 40.1 %
    public void ELIG_1_flr_route_flr_slv_below_40_percent(decimal flrMillilitres, bool eligible)
    {
        // 180 cm, 80 kg → BSA = √(180 × 80 / 3600) = 2; SLV = −794.41 + 1267.28 × 2 = 1740.15 mL.
        var a = Baselines.FlrRoute() with
        {
            Height = HeightCm.FromCentimetres(180m),
            Weight = WeightKg.FromKilograms(80m),
            FutureLiverRemnantVolume = VolumeMl.FromMillilitres(flrMillilitres),
        };
        Assert.Equal(eligible, Decide(a).Eligible);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(2, false)]
    public void ELIG_1_flr_route_good_general_condition_is_ecog_0_to_1(int ecog, bool eligible) =>
        Assert.Equal(eligible, Decide(Baselines.FlrRoute() with { Ecog = ecog }).Eligible);

    [Fact]
    public void ELIG_1_flr_route_requires_child_pugh_A()
    {
        // Albumin 30 g/L (2) and bilirubin 40 µmol/L (2): 2 + 2 + 1 + 1 + 1 = 7 → class B.
        var d = Decide(Baselines.FlrRoute() with
        {
            Albumin = Albumin.FromGramsPerLitre(30m),
            Bilirubin = Bilirubin.FromMicromolesPerLitre(40m),
        });
        Assert.False(d.Eligible);
        Assert.Equal(CriterionOutcome.Fail, Find(d, "ELIG-1", "FLR route: Child–Pugh").Outcome);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    public void ELIG_1_flr_route_excludes_severe_cirrhosis_fatty_liver_and_portal_hypertension(bool cirrhosis, bool fatty, bool portal) =>
        Assert.False(Decide(Baselines.FlrRoute() with { SevereCirrhosis = cirrhosis, FattyLiver = fatty, PortalHypertension = portal }).Eligible);

    [Fact]
    public void ELIG_1_missing_icg_and_flr_volume_are_unknown_and_not_eligible()
    {
        var d = Decide(Baselines.FlrRoute() with { IcgR15 = null, FutureLiverRemnantVolume = null });
        Assert.False(d.Eligible);
        Assert.True(d.HasUnknownCriteria);
        Assert.Equal(CriterionOutcome.Unknown, Find(d, "ELIG-1", "FLR route: ICG-R15").Outcome);
        Assert.Equal(CriterionOutcome.Unknown, Find(d, "ELIG-1", "FLR route: FLR/SLV").Outcome);
    }

    [Fact]
    public void ELIG_1_another_unresectability_reason_qualifies_without_the_flr_route()
    {
        var a = Baselines.FlrRoute() with
        {
            AgeYears = 72,
            IcgR15 = null,
            Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels),
        };
        var d = Decide(a);
        Assert.True(d.Eligible);
        Assert.DoesNotContain(d.Criteria, c => c.Name.StartsWith("FLR route", StringComparison.Ordinal));
    }

    [Fact]
    public void ELIG_1_flr_route_failure_is_rescued_by_intolerable_liver_function_reason()
    {
        var a = Baselines.FlrRoute() with
        {
            AgeYears = 70,
            Resectability = ResectabilityAssessment.Unresectable(
                UnresectableReasons.InsufficientFutureLiverRemnant | UnresectableReasons.IntolerableLiverFunction),
        };
        var d = Decide(a);
        Assert.True(d.Eligible);
        Assert.Equal(CriterionOutcome.Fail, Find(d, "ELIG-1", "FLR route: age").Outcome);
    }

    [Theory]
    [InlineData(1, 50, CnlcStage.Ia, true)]
    [InlineData(1, 51, CnlcStage.Ib, true)]
    [InlineData(3, 31, CnlcStage.IIa, true)]
    [InlineData(4, 31, CnlcStage.IIb, false)]
    public void ELIG_1_stage_must_be_Ia_Ib_or_IIa(int count, decimal largestMm, CnlcStage stage, bool eligible)
    {
        var a = Baselines.FlrRoute() with
        {
            TumourCount = count,
            TumourDiameters = [LengthMm.FromMillimetres(largestMm)],
            Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels),
        };
        var evaluation = BaselineEvaluator.Evaluate(a, ClinicalRuleSet.Default).Value;
        Assert.Equal(stage, evaluation.Stage);
        Assert.Equal(eligible, evaluation.Eligibility.Eligible);
    }

    [Fact]
    public void ELIG_1_resectable_early_stage_is_not_eligible()
    {
        var d = Decide(Baselines.FlrRoute() with { Resectability = ResectabilityAssessment.TechnicallyResectable });
        Assert.False(d.Eligible);
        Assert.Equal(CriterionOutcome.Fail, Find(d, "ELIG-1", "Surgically unresectable").Outcome);
        Assert.Equal(CriterionOutcome.Fail, Assert.Single(d.CriteriaFor("ELIG-X")).Outcome);
    }

    [Theory]
    [InlineData(PvttType.ChengIII, true)]
    [InlineData(PvttType.ChengIV, true)]
    [InlineData(PvttType.ChengII, false)]
    [InlineData(PvttType.ChengI, false)]
    public void ELIG_2_pvtt_grade_3_to_4_in_resectable_IIIa(PvttType pvtt, bool eligible)
    {
        var evaluation = BaselineEvaluator.Evaluate(Baselines.ResectableWithMainPortalThrombus() with { Pvtt = pvtt }, ClinicalRuleSet.Default).Value;
        Assert.Equal(CnlcStage.IIIa, evaluation.Stage);
        Assert.Equal(eligible, evaluation.Eligibility.Eligible);
        if (eligible)
        {
            Assert.Equal([EligibilityGroup.ResectableWithoutSurvivalBenefit], evaluation.Eligibility.MatchedGroups);
        }
    }

    [Fact]
    public void ELIG_2_main_hepatic_vein_or_ivc_thrombus_qualifies()
    {
        var noPvtt = Baselines.ResectableWithMainPortalThrombus() with { Pvtt = null };
        Assert.True(Decide(noPvtt with { MainHepaticVeinTumourThrombus = true }).Eligible);
        Assert.True(Decide(noPvtt with { InferiorVenaCavaTumourThrombus = true }).Eligible);
        Assert.False(Decide(noPvtt with { OtherMacrovascularInvasion = true }).Eligible);
    }

    [Fact]
    public void ELIG_2_requires_technical_resectability()
    {
        var d = Decide(Baselines.ResectableWithMainPortalThrombus() with
        {
            Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels),
        });
        Assert.False(d.Eligible);
        Assert.Equal(CriterionOutcome.Fail, Find(d, "ELIG-2", "Technically resectable").Outcome);
    }

    [Fact]
    public void ELIG_2_stage_IIb_without_vascular_thrombus_does_not_qualify()
    {
        var a = Baselines.FlrRoute() with
        {
            TumourCount = 5,
            TumourDiameters = [LengthMm.FromMillimetres(40m)],
            Resectability = ResectabilityAssessment.TechnicallyResectable,
        };
        var d = Decide(a);
        Assert.Equal(CriterionOutcome.Pass, Find(d, "ELIG-2", "CNLC stage").Outcome);
        Assert.Equal(CriterionOutcome.Fail, Find(d, "ELIG-2", "No survival benefit").Outcome);
        Assert.False(d.Eligible);
    }

    [Fact]
    public void ELIG_3_lung_oligometastasis_is_eligible()
    {
        var evaluation = BaselineEvaluator.Evaluate(Baselines.LungOligometastasis(), ClinicalRuleSet.Default).Value;
        Assert.Equal(CnlcStage.IIIb, evaluation.Stage);
        Assert.Equal([EligibilityGroup.OligometastaticStageIIIb], evaluation.Eligibility.MatchedGroups);
    }

    [Theory]
    [InlineData(5, 29.9, true)]
    [InlineData(5, 30.0, false)]
    [InlineData(5, 30.1, false)]
    [InlineData(6, 10.0, false)]
    [InlineData(1, 29.9, true)]
    public void ELIG_3_at_most_5_nodules_largest_below_30_mm(int count, decimal largestMm, bool eligible) =>
        Assert.Equal(eligible, Decide(Baselines.LungOligometastasis() with
        {
            PulmonaryNoduleCount = count,
            LargestPulmonaryNodule = LengthMm.FromMillimetres(largestMm),
        }).Eligible);

    [Fact]
    public void ELIG_3_extrahepatic_lymph_nodes_alone_qualify() =>
        Assert.True(Decide(Baselines.LungOligometastasis() with
        {
            PulmonaryNoduleCount = 0,
            LargestPulmonaryNodule = null,
            ExtrahepaticLymphNodeMetastasis = true,
        }).Eligible);

    [Fact]
    public void ELIG_3_other_extrahepatic_sites_exclude()
    {
        Assert.False(Decide(Baselines.LungOligometastasis() with { OtherExtrahepaticSites = true }).Eligible);
        Assert.False(Decide(Baselines.LungOligometastasis() with
        {
            PulmonaryNoduleCount = 0,
            LargestPulmonaryNodule = null,
            OtherExtrahepaticSites = true,
        }).Eligible);
    }

    [Fact]
    public void ELIG_X_stage_IV_fits_no_group_and_every_stage_criterion_fails()
    {
        var d = Decide(Baselines.LungOligometastasis() with { Ecog = 3 });
        Assert.False(d.Eligible);
        Assert.Empty(d.MatchedGroups);
        Assert.All(d.Criteria.Where(c => c.Name == "CNLC stage"), c => Assert.Equal(CriterionOutcome.Fail, c.Outcome));
        var x = Assert.Single(d.CriteriaFor("ELIG-X"));
        Assert.Equal(("none", CriterionOutcome.Fail), (x.Observed, x.Outcome));
    }

    [Fact]
    public void ELIG_X_decision_carries_the_rule_set_version()
    {
        var rules = ClinicalRuleSet.Default with { Version = "2026.2-site" };
        Assert.Equal("2026.2-site", Decide(Baselines.FlrRoute(), rules).RuleSetVersion);
    }

    [Fact]
    public void ELIG_1_thresholds_come_from_the_rule_set()
    {
        var rules = ClinicalRuleSet.Default with { Elig1AgeBelowYears = 70 };
        Assert.True(Decide(Baselines.FlrRoute() with { AgeYears = 68 }, rules).Eligible);
    }

    private static CriterionOutcome CriterionText(bool pass) => pass ? CriterionOutcome.Pass : CriterionOutcome.Fail;
}
