using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Response;

public class CcrTests
{
    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static Evidenced<T> E<T>(T value, DateOnly date, string id) => new(value, new EvidenceRef(id, date));

    /// <summary>
    /// mRECIST PR 12-15 (2024), CR 01-10 and 04-20; AFP 850 at baseline → 15 on 01-05 (normal since then);
    /// CT negative 01-10, PET-CT negative 01-20. All of (1)–(3) hold since 01-20 (the latest start);
    /// 01-20 + 3 months = 04-20, the date of the confirming CR → stable.
    /// </summary>
    private static CcrInputs Confirmed(DateOnly lastCr) => new(
        [E(ResponseCategory.PartialResponse, new DateOnly(2024, 12, 15), "mr-1"), E(ResponseCategory.CompleteResponse, D(1, 10), "mr-2"),
            E(ResponseCategory.CompleteResponse, lastCr, "mr-3")],
        AfpNgPerMl.FromNanogramsPerMillilitre(850m),
        null,
        [E(AfpNgPerMl.FromNanogramsPerMillilitre(300m), new DateOnly(2024, 12, 1), "afp-1"), E(AfpNgPerMl.FromNanogramsPerMillilitre(15m), D(1, 5), "afp-2")],
        [],
        [E(new MetastasisScan(MetastasisScanModality.Ct, false), D(1, 10), "ct-1"), E(new MetastasisScan(MetastasisScanModality.PetCt, false), D(1, 20), "pet-1")]);

    private static CcrEvaluation Evaluate(CcrInputs i, ClinicalRuleSet? r = null) => ClinicalCompleteResponse.Evaluate(i, r ?? ClinicalRuleSet.Default).Value;

    [Fact]
    public void RESP_CCR_worked_example_all_four_criteria_met()
    {
        var c = Evaluate(Confirmed(D(4, 20)));
        Assert.True(c.IsClinicalCompleteResponse);
        Assert.Equal(4, c.Criteria.Count);
        Assert.All(c.Criteria, x => Assert.Equal(("RESP-CCR", CriterionOutcome.Pass), (x.RuleId, x.Outcome)));
        Assert.Equal((D(1, 20), D(4, 20)), (c.ConditionsMetSince!.Value, c.ConfirmedOn!.Value));
        Assert.Equal("mr-3", Assert.Single(c.Criteria[0].Evidence).EventId);
        Assert.Equal(["ct-1", "pet-1"], c.Criteria[2].Evidence.Select(e => e.EventId));
    }

    [Fact]
    public void RESP_CCR_stability_one_day_short_of_3_months_fails()
    {
        var c = Evaluate(Confirmed(D(4, 19)));
        Assert.False(c.IsClinicalCompleteResponse);
        Assert.Equal(CriterionOutcome.Fail, c.Criteria[3].Outcome);
        Assert.Equal(2m, c.Criteria[3].ObservedValue);
    }

    [Fact]
    public void RESP_CCR_stability_period_is_configurable()
    {
        var rules = ClinicalRuleSet.Default with { CcrStabilityMonths = 6 };
        Assert.False(Evaluate(Confirmed(D(4, 20)), rules).IsClinicalCompleteResponse);
        Assert.True(Evaluate(Confirmed(D(7, 20)), rules).IsClinicalCompleteResponse);
    }

    [Fact]
    public void RESP_CCR_latest_mrecist_not_CR_fails_criterion_1()
    {
        var i = Confirmed(D(4, 20));
        var c = Evaluate(i with { MrecistAssessments = [.. i.MrecistAssessments, E(ResponseCategory.PartialResponse, D(5, 1), "mr-4")] });
        Assert.Equal(CriterionOutcome.Fail, c.Criteria[0].Outcome);
        Assert.Equal(CriterionOutcome.Fail, c.Criteria[3].Outcome);
        Assert.False(c.IsClinicalCompleteResponse);
    }

    [Fact]
    public void RESP_CCR_baseline_positive_marker_still_abnormal_fails_criterion_2()
    {
        var i = Confirmed(D(4, 20));
        var c = Evaluate(i with { AfpMeasurements = [.. i.AfpMeasurements, E(AfpNgPerMl.FromNanogramsPerMillilitre(25m), D(4, 1), "afp-3")] });
        Assert.Equal(CriterionOutcome.Fail, c.Criteria[1].Outcome);
    }

    [Theory]
    [InlineData(20, true)]    // at the upper limit of normal: normal
    [InlineData(20.1, false)]
    public void RESP_CCR_afp_normal_at_or_below_upper_limit(decimal afp, bool pass)
    {
        var i = Confirmed(D(4, 20));
        var c = Evaluate(i with { AfpMeasurements = [.. i.AfpMeasurements, E(AfpNgPerMl.FromNanogramsPerMillilitre(afp), D(1, 8), "afp-3")] });
        Assert.Equal(pass ? CriterionOutcome.Pass : CriterionOutcome.Fail, c.Criteria[1].Outcome);
    }

    [Fact]
    public void RESP_CCR_marker_normal_at_baseline_is_not_required()
    {
        var c = Evaluate(Confirmed(D(4, 20)) with { BaselineAfp = AfpNgPerMl.FromNanogramsPerMillilitre(8m), AfpMeasurements = [] });
        Assert.Equal(CriterionOutcome.Pass, c.Criteria[1].Outcome);
        Assert.True(c.IsClinicalCompleteResponse);
    }

    [Fact]
    public void RESP_CCR_positive_dcp_never_remeasured_is_unknown()
    {
        var c = Evaluate(Confirmed(D(4, 20)) with { BaselineDcp = DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(500m) });
        Assert.Equal(CriterionOutcome.Unknown, c.Criteria[1].Outcome);
        Assert.Equal(CriterionOutcome.Unknown, c.Criteria[3].Outcome);
        Assert.False(c.IsClinicalCompleteResponse);
    }

    [Fact]
    public void RESP_CCR_needs_both_ct_and_pet_ct()
    {
        var i = Confirmed(D(4, 20));
        var noPet = Evaluate(i with { MetastasisScans = [i.MetastasisScans[0]] });
        Assert.Equal(CriterionOutcome.Unknown, noPet.Criteria[2].Outcome);
        var positivePet = Evaluate(i with { MetastasisScans = [.. i.MetastasisScans, E(new MetastasisScan(MetastasisScanModality.PetCt, true), D(3, 1), "pet-2")] });
        Assert.Equal(CriterionOutcome.Fail, positivePet.Criteria[2].Outcome);
    }

    [Fact]
    public void RESP_CCR_rejects_missing_assessments_and_negative_markers()
    {
        var i = Confirmed(D(4, 20)) with { MrecistAssessments = [], BaselineAfp = AfpNgPerMl.FromNanogramsPerMillilitre(-1m) };
        Assert.Equal(["mrecistAssessments", "baselineAfpNanogramsPerMillilitre"], ClinicalCompleteResponse.Evaluate(i, ClinicalRuleSet.Default).Errors.Select(e => e.Field));
    }
}

public class ProgressionPatternTests
{
    [Theory]
    [InlineData(false, false, false, false, ProgressionPattern.NoProgression)]
    [InlineData(true, false, false, false, ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic)]
    [InlineData(true, true, false, false, ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic)]
    [InlineData(false, true, false, false, ProgressionPattern.NewLesionWithOthersStable)]
    [InlineData(false, false, false, true, ProgressionPattern.NewLesionWithOthersStable)]
    [InlineData(true, false, true, false, ProgressionPattern.IntraAndExtrahepaticProgression)]
    [InlineData(false, true, false, true, ProgressionPattern.IntraAndExtrahepaticProgression)]
    [InlineData(true, false, false, true, ProgressionPattern.IntraAndExtrahepaticProgression)]
    [InlineData(false, false, true, false, ProgressionPattern.ExtrahepaticProgressionOnly)]
    [InlineData(false, false, true, true, ProgressionPattern.ExtrahepaticProgressionOnly)]
    public void RESP_PROG_pattern_table(bool intraGrowth, bool newIntra, bool extraGrowth, bool newExtra, ProgressionPattern expected) =>
        Assert.Equal(expected, ProgressionPatterns.Classify(new ProgressionFindings(intraGrowth, newIntra, extraGrowth, newExtra)));
}

public class AdverseEventSemanticsTests
{
    private static readonly AdverseEvent Hepatitis = new("ae-1", "hepatitis", true, [],
        [new(new DateOnly(2025, 4, 1), 1), new(new DateOnly(2025, 4, 8), 3), new(new DateOnly(2025, 4, 15), 2),
            new(new DateOnly(2025, 4, 22), 1), new(new DateOnly(2025, 4, 29), 0)]);

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, true)]
    [InlineData(2, false)]
    [InlineData(5, false)]
    public void RESP_AE_resolved_means_grade_1_or_normal(int grade, bool resolved) =>
        Assert.Equal(resolved, AdverseEventSemantics.IsResolvedGrade(grade, ClinicalRuleSet.Default));

    [Fact]
    public void RESP_AE_onset_worst_grade_and_resolution_date()
    {
        Assert.Equal(new DateOnly(2025, 4, 1), AdverseEventSemantics.Onset(Hepatitis));
        Assert.Equal(3, AdverseEventSemantics.WorstGrade(Hepatitis));
        // Last grading above 1 is 04-15 (grade 2); the first ≤1 after it is 04-22.
        Assert.Equal(new DateOnly(2025, 4, 22), AdverseEventSemantics.ResolvedOn(Hepatitis, new DateOnly(2025, 5, 1), ClinicalRuleSet.Default));
        Assert.Null(AdverseEventSemantics.ResolvedOn(Hepatitis, new DateOnly(2025, 4, 20), ClinicalRuleSet.Default));
        Assert.Equal(2, AdverseEventSemantics.LatestOnOrBefore(Hepatitis, new DateOnly(2025, 4, 20))!.Grade);
    }

    [Fact]
    public void RESP_AE_grade_5_is_never_resolved()
    {
        var fatal = Hepatitis with { Gradings = [new(new DateOnly(2025, 4, 1), 5)] };
        Assert.False(AdverseEventSemantics.IsResolvedOn(fatal, new DateOnly(2025, 5, 1), ClinicalRuleSet.Default));
    }

    [Fact]
    public void RESP_AE_rejects_grade_6_and_unordered_dates()
    {
        var bad = Hepatitis with { Gradings = [new(new DateOnly(2025, 4, 8), 6), new(new DateOnly(2025, 4, 1), 1)] };
        Assert.Equal(["adverseEvent.gradings[0].grade", "adverseEvent.gradings[1].date"], AdverseEventSemantics.Validate(bad).Errors.Select(e => e.Field));
    }
}

public class CohortRatesTests
{
    private static PatientBestResponse[] Cohort(params (ResponseCategory? Recist, ResponseCategory? Mrecist, int Count)[] groups) =>
        groups.SelectMany((g, gi) => Enumerable.Range(0, g.Count).Select(i => new PatientBestResponse($"p{gi}-{i}", g.Recist, g.Mrecist))).ToArray();

    [Fact]
    public void RESP_RATES_worked_example_review_reference_67()
    {
        // 26 patients. RECIST: CR 1, PR 10, SD 15 → ORR 11/26 = 42.3 %, DCR 26/26 = 100 %.
        // mRECIST: CR 5, PR 15, SD 6 → ORR 20/26 = 76.9 %, DCR 100 %.
        var cohort = Cohort(
            (ResponseCategory.CompleteResponse, ResponseCategory.CompleteResponse, 1),
            (ResponseCategory.PartialResponse, ResponseCategory.CompleteResponse, 4),
            (ResponseCategory.PartialResponse, ResponseCategory.PartialResponse, 6),
            (ResponseCategory.StableDisease, ResponseCategory.PartialResponse, 9),
            (ResponseCategory.StableDisease, ResponseCategory.StableDisease, 6));
        var rates = CohortRates.Calculate(cohort);
        Assert.Equal(26, rates.CohortSize);
        Assert.Equal((11, 26, 42.3m), (rates.Recist.ObjectiveResponseRate.Numerator, rates.Recist.ObjectiveResponseRate.Denominator, rates.Recist.ObjectiveResponseRate.Percent!.Value));
        Assert.Equal(100m, rates.Recist.DiseaseControlRate.Percent);
        Assert.Equal(76.9m, rates.Mrecist.ObjectiveResponseRate.Percent);
        Assert.Equal(100m, rates.Mrecist.DiseaseControlRate.Percent);
        Assert.Equal(ResponseCriteria.Mrecist, rates.Mrecist.Criteria);
    }

    [Fact]
    public void RESP_RATES_not_evaluable_patients_are_counted_but_excluded_from_denominators()
    {
        var cohort = Cohort(
            (ResponseCategory.PartialResponse, ResponseCategory.PartialResponse, 1),
            (ResponseCategory.ProgressiveDisease, ResponseCategory.ProgressiveDisease, 1),
            (ResponseCategory.NotEvaluable, null, 2));
        var rates = CohortRates.Calculate(cohort);
        Assert.Equal((2, 2, 1, 1), (rates.Recist.Evaluable, rates.Recist.NotEvaluable, rates.Recist.PartialResponses, rates.Recist.ProgressiveDisease));
        Assert.Equal(50m, rates.Recist.ObjectiveResponseRate.Percent);
        Assert.Equal(50m, rates.Recist.DiseaseControlRate.Percent);
    }

    [Fact]
    public void RESP_RATES_empty_cohort_has_no_percentages()
    {
        var rates = CohortRates.Calculate([]);
        Assert.Null(rates.Recist.ObjectiveResponseRate.Percent);
    }

    [Fact]
    public void RESP_RATES_best_overall_response_stops_at_first_progression()
    {
        Assert.Equal(ResponseCategory.PartialResponse, BestOverallResponse.Of([ResponseCategory.StableDisease, ResponseCategory.PartialResponse, ResponseCategory.StableDisease]));
        Assert.Equal(ResponseCategory.StableDisease, BestOverallResponse.Of([ResponseCategory.StableDisease, ResponseCategory.ProgressiveDisease, ResponseCategory.CompleteResponse]));
        Assert.Equal(ResponseCategory.ProgressiveDisease, BestOverallResponse.Of([ResponseCategory.ProgressiveDisease, ResponseCategory.PartialResponse]));
        Assert.Equal(ResponseCategory.NotEvaluable, BestOverallResponse.Of([]));
    }
}
