using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Surgery;

public class WashoutTests
{
    private static readonly DateOnly Today = new(2025, 6, 2);

    private static WashoutPlan Plan(LastExposure[] exposures, Evidenced<bool>? ih = null, ClinicalRuleSet? r = null) =>
        WashoutPlanner.Plan(exposures, ih, Today, r ?? ClinicalRuleSet.Default).Value;

    [Fact]
    public void SURG_WASH_worked_example_len_tap_earliest_safe_date()
    {
        // Lenvatinib last 06-01 + 7 = 06-08; TACE last 05-20 + 28 = 06-17; camrelizumab last 05-26 + 0 = 05-26.
        // Earliest safe date = max(06-08, 06-17, 05-26, today 06-02) = 06-17.
        var plan = Plan(
        [
            new(TherapyClass.SmallMoleculeTki, new DateOnly(2025, 6, 1), "lenvatinib"),
            new(TherapyClass.Tace, new DateOnly(2025, 5, 20)),
            new(TherapyClass.ImmuneCheckpointInhibitor, new DateOnly(2025, 5, 26), "camrelizumab"),
        ], new Evidenced<bool>(true, new EvidenceRef("lab-ih", new DateOnly(2025, 5, 30))));
        Assert.Equal(new DateOnly(2025, 6, 17), plan.EarliestSafeDate);
        Assert.True(plan.PrerequisitesMet);
        Assert.Equal([new DateOnly(2025, 6, 17), new DateOnly(2025, 6, 8), new DateOnly(2025, 5, 26)], plan.Items.Select(i => i.EarliestDate));
    }

    [Fact]
    public void SURG_WASH_anti_angiogenic_antibody_6_weeks_by_default_configurable_to_4()
    {
        var exposure = new LastExposure(TherapyClass.AntiAngiogenicAntibody, new DateOnly(2025, 5, 1), "bevacizumab");
        Assert.Equal(new DateOnly(2025, 6, 12), Plan([exposure]).EarliestSafeDate);            // + 42 days
        var rules = ClinicalRuleSet.Default with { AntiAngiogenicAntibodyWashoutDays = 28 };
        Assert.Equal(Today, Plan([exposure], r: rules).EarliestSafeDate);                      // 05-29 is past: today
    }

    [Theory]
    [InlineData(27, 1)]
    [InlineData(28, 0)]
    [InlineData(29, 0)]
    public void SURG_WASH_tace_4_weeks_since_last_session(int daysAgo, int daysToWait) =>
        Assert.Equal(Today.AddDays(daysToWait), Plan([new(TherapyClass.Tace, Today.AddDays(-daysAgo))]).EarliestSafeDate);

    [Fact]
    public void SURG_WASH_only_the_latest_session_of_a_class_counts() =>
        Assert.Equal(new DateOnly(2025, 6, 26),
            Plan([new(TherapyClass.Tace, new DateOnly(2025, 4, 1)), new(TherapyClass.Tace, new DateOnly(2025, 5, 29))]).EarliestSafeDate);

    [Fact]
    public void SURG_WASH_ici_requires_a_recorded_immune_hepatitis_exclusion_after_the_last_dose()
    {
        var ici = new LastExposure(TherapyClass.ImmuneCheckpointInhibitor, new DateOnly(2025, 5, 26));
        var none = Plan([ici]);
        Assert.True(none.ImmuneHepatitisExclusionRequired);
        Assert.Single(none.OutstandingPrerequisites);
        Assert.False(Plan([ici], new Evidenced<bool>(true, new EvidenceRef("lab-old", new DateOnly(2025, 5, 20)))).PrerequisitesMet);
        Assert.False(Plan([ici], new Evidenced<bool>(false, new EvidenceRef("lab-ih", new DateOnly(2025, 5, 30)))).PrerequisitesMet);
        Assert.True(Plan([ici], new Evidenced<bool>(true, new EvidenceRef("lab-ih", new DateOnly(2025, 5, 26)))).PrerequisitesMet);
    }

    [Fact]
    public void SURG_WASH_no_exposure_means_today()
    {
        var plan = Plan([]);
        Assert.Equal(Today, plan.EarliestSafeDate);
        Assert.False(plan.ImmuneHepatitisExclusionRequired);
    }

    [Fact]
    public void SURG_WASH_rejects_future_exposures() =>
        Assert.Equal("exposures[0].lastDate",
            Assert.Single(WashoutPlanner.Plan([new(TherapyClass.Tace, Today.AddDays(1))], null, Today, ClinicalRuleSet.Default).Errors).Field);

    [Fact]
    public void SURG_WASH_len_tap_components_map_to_their_classes()
    {
        Assert.Equal(TherapyClass.SmallMoleculeTki, TherapyClasses.Of(RegimenComponent.Lenvatinib));
        Assert.Equal(TherapyClass.Tace, TherapyClasses.Of(RegimenComponent.Tace));
        Assert.Equal(TherapyClass.ImmuneCheckpointInhibitor, TherapyClasses.Of(RegimenComponent.Camrelizumab));
    }
}

public class SalvageStrategyTests
{
    private static CcrEvaluation Ccr(bool confirmed) => new(confirmed, [], null, null, "2025.1");

    [Fact]
    public void SURG_CCR_confirmed_ccr_offers_watch_and_wait_as_an_alternative()
    {
        var r = SalvageStrategy.Recommend(ResponseCategory.CompleteResponse, Ccr(true), highSurgicalRisk: false, ClinicalRuleSet.Default);
        Assert.Equal([SurgicalStrategy.WatchAndWait, SurgicalStrategy.SalvageResection], r.Options);
        Assert.Null(r.Preferred);
        Assert.Equal("SURG-CCR", r.RuleId);
    }

    [Fact]
    public void SURG_CCR_confirmed_ccr_with_high_surgical_risk_suggests_watch_and_wait() =>
        Assert.Equal(SurgicalStrategy.WatchAndWait,
            SalvageStrategy.Recommend(ResponseCategory.CompleteResponse, Ccr(true), highSurgicalRisk: true, ClinicalRuleSet.Default).Preferred);

    [Fact]
    public void SURG_CCR_partial_response_prefers_salvage_resection()
    {
        var r = SalvageStrategy.Recommend(ResponseCategory.PartialResponse, null, highSurgicalRisk: true, ClinicalRuleSet.Default);
        Assert.Equal([SurgicalStrategy.SalvageResection], r.Options);
        Assert.Equal(SurgicalStrategy.SalvageResection, r.Preferred);
    }

    [Fact]
    public void SURG_CCR_unconfirmed_complete_response_does_not_offer_watch_and_wait() =>
        Assert.DoesNotContain(SurgicalStrategy.WatchAndWait,
            SalvageStrategy.Recommend(ResponseCategory.CompleteResponse, Ccr(false), highSurgicalRisk: true, ClinicalRuleSet.Default).Options);

    [Theory]
    [InlineData(ResponseCategory.StableDisease)]
    [InlineData(ResponseCategory.ProgressiveDisease)]
    public void SURG_CCR_no_suggestion_for_sd_or_pd(ResponseCategory category) =>
        Assert.Empty(SalvageStrategy.Recommend(category, null, false, ClinicalRuleSet.Default).Options);
}

public class PathologyTests
{
    private static PathologyResult Classify(ResectionMargin margin, decimal viable) =>
        Pathology.Classify(new ResectionPathology(margin, viable), ClinicalRuleSet.Default).Value;

    [Theory]
    [InlineData(0, true, true)]
    [InlineData(0.1, false, true)]
    [InlineData(10, false, true)]
    [InlineData(10.1, false, false)]
    public void SURG_PATH_pcr_is_no_viable_tumour_mpr_is_at_most_10_percent(decimal viable, bool pcr, bool mpr)
    {
        var r = Classify(ResectionMargin.R0, viable);
        Assert.Equal((pcr, mpr), (r.PathologicalCompleteResponse, r.MajorPathologicalResponse));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.1)]
    public void SURG_PATH_rejects_viable_percent_outside_0_to_100(decimal viable) =>
        Assert.Equal("viableTumourPercent", Assert.Single(Pathology.Classify(new ResectionPathology(ResectionMargin.R0, viable), ClinicalRuleSet.Default).Errors).Field);

    [Fact]
    public void SURG_PATH_worked_example_cohort_rates()
    {
        // 55 enrolled, 4 resected: R0 3/4 = 75 %, pCR 1/4 = 25 %, MPR 2/4 = 50 %; conversion-resection 4/55 = 7.3 %.
        var resections = new[]
        {
            Classify(ResectionMargin.R0, 0m), Classify(ResectionMargin.R0, 5m), Classify(ResectionMargin.R0, 40m), Classify(ResectionMargin.R1, 60m),
        };
        var rates = Pathology.CohortRates(55, resections).Value;
        Assert.Equal((7.3m, 75m, 25m, 50m), (rates.ConversionResection.Percent!.Value, rates.R0.Percent!.Value,
            rates.PathologicalCompleteResponse.Percent!.Value, rates.MajorPathologicalResponse.Percent!.Value));
    }

    [Fact]
    public void SURG_PATH_rejects_more_resections_than_patients() =>
        Assert.Equal("enrolledPatients", Assert.Single(Pathology.CohortRates(0, [Classify(ResectionMargin.R0, 0m)]).Errors).Field);
}

public class AdjuvantTests
{
    [Fact]
    public void SURG_ADJ_starts_one_month_after_surgery_and_lasts_6_to_12_months()
    {
        // Surgery 2025-06-20 → start 07-20 → earliest end 2026-01-20, latest end 2026-07-20.
        var plan = AdjuvantPlanner.Plan(new DateOnly(2025, 6, 20), [RegimenComponent.Lenvatinib, RegimenComponent.Tace, RegimenComponent.Camrelizumab],
            null, ClinicalRuleSet.Default).Value;
        Assert.Equal((new DateOnly(2025, 7, 20), new DateOnly(2026, 1, 20), new DateOnly(2026, 7, 20)), (plan.StartDate, plan.EarliestEndDate, plan.LatestEndDate));
        Assert.Equal([RegimenComponent.Lenvatinib, RegimenComponent.Camrelizumab], plan.Components);
    }

    [Fact]
    public void SURG_ADJ_month_end_surgery_clamps_to_the_last_day()
    {
        var plan = AdjuvantPlanner.Plan(new DateOnly(2025, 1, 31), [RegimenComponent.Lenvatinib, RegimenComponent.Camrelizumab], null, ClinicalRuleSet.Default).Value;
        Assert.Equal(new DateOnly(2025, 2, 28), plan.StartDate);
    }

    [Fact]
    public void SURG_ADJ_pathology_adds_notes_for_the_mdt()
    {
        var pathology = Pathology.Classify(new ResectionPathology(ResectionMargin.R1, 0m), ClinicalRuleSet.Default).Value;
        var plan = AdjuvantPlanner.Plan(new DateOnly(2025, 6, 20), [RegimenComponent.Camrelizumab], pathology, ClinicalRuleSet.Default).Value;
        Assert.Equal(4, plan.Notes.Count);
    }

    [Fact]
    public void SURG_ADJ_requires_the_conversion_regimen() =>
        Assert.Equal("conversionRegimen", Assert.Single(AdjuvantPlanner.Plan(new DateOnly(2025, 6, 20), [], null, ClinicalRuleSet.Default).Errors).Field);
}

public class RecurrenceRiskTests
{
    private static readonly RecurrenceRiskFactors LowRisk = new()
    {
        TumourCount = 1,
        LargestTumour = LengthMm.FromMillimetres(40m),
        Edmondson = EdmondsonGrade.II,
        MicrovascularInvasion = false,
        MacrovascularInvasion = false,
        LymphNodeMetastasis = false,
        MarginWidth = LengthMm.FromMillimetres(15m),
        PostoperativeAfp = [AfpNgPerMl.FromNanogramsPerMillilitre(5m)],
    };

    private static RecurrenceRiskLevel Level(RecurrenceRiskFactors f) => RecurrenceRisk.Assess(f, ClinicalRuleSet.Default).Value.Level;

    [Fact]
    public void SURG_RISK_no_factor_is_not_high()
    {
        var r = RecurrenceRisk.Assess(LowRisk, ClinicalRuleSet.Default).Value;
        Assert.Equal(RecurrenceRiskLevel.NotHigh, r.Level);
        Assert.Equal(7, r.Factors.Count);
    }

    [Theory]
    [InlineData(50.0, RecurrenceRiskLevel.NotHigh)]
    [InlineData(50.1, RecurrenceRiskLevel.High)]
    public void SURG_RISK_tumour_above_5_cm(decimal mm, RecurrenceRiskLevel level) =>
        Assert.Equal(level, Level(LowRisk with { LargestTumour = LengthMm.FromMillimetres(mm) }));

    [Theory]
    [InlineData(9.9, RecurrenceRiskLevel.High)]
    [InlineData(10.0, RecurrenceRiskLevel.High)]
    [InlineData(10.1, RecurrenceRiskLevel.NotHigh)]
    public void SURG_RISK_margin_at_most_1_cm(decimal mm, RecurrenceRiskLevel level) =>
        Assert.Equal(level, Level(LowRisk with { MarginWidth = LengthMm.FromMillimetres(mm) }));

    [Theory]
    [InlineData(EdmondsonGrade.II, RecurrenceRiskLevel.NotHigh)]
    [InlineData(EdmondsonGrade.III, RecurrenceRiskLevel.High)]
    [InlineData(EdmondsonGrade.IV, RecurrenceRiskLevel.High)]
    public void SURG_RISK_edmondson_III_to_IV(EdmondsonGrade grade, RecurrenceRiskLevel level) =>
        Assert.Equal(level, Level(LowRisk with { Edmondson = grade }));

    [Fact]
    public void SURG_RISK_each_other_factor_alone_makes_risk_high()
    {
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { TumourCount = 2 }));
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { MicrovascularInvasion = true }));
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { MacrovascularInvasion = true }));
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { LymphNodeMetastasis = true }));
    }

    [Fact]
    public void SURG_RISK_persistently_abnormal_markers_means_every_postoperative_value_above_normal()
    {
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { PostoperativeAfp = [AfpNgPerMl.FromNanogramsPerMillilitre(90m), AfpNgPerMl.FromNanogramsPerMillilitre(45m)] }));
        Assert.Equal(RecurrenceRiskLevel.NotHigh, Level(LowRisk with { PostoperativeAfp = [AfpNgPerMl.FromNanogramsPerMillilitre(90m), AfpNgPerMl.FromNanogramsPerMillilitre(12m)] }));
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { PostoperativeDcp = [DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(41m)] }));
    }

    [Fact]
    public void SURG_RISK_unknown_factors_without_a_present_one_are_indeterminate()
    {
        Assert.Equal(RecurrenceRiskLevel.Indeterminate, Level(LowRisk with { Edmondson = null }));
        Assert.Equal(RecurrenceRiskLevel.High, Level(LowRisk with { Edmondson = null, TumourCount = 3 }));
    }

    [Fact]
    public void SURG_RISK_rejects_impossible_values() =>
        Assert.Equal(["tumourCount", "marginMillimetres"],
            RecurrenceRisk.Assess(LowRisk with { TumourCount = 0, MarginWidth = LengthMm.FromMillimetres(-1m) }, ClinicalRuleSet.Default).Errors.Select(e => e.Field));
}
