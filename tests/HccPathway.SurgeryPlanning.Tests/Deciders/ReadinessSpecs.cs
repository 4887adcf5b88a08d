using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

public class ReadinessSpecs
{
    private static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    private static ReadinessSnapshot Evaluate(PatientChecklist c, DateOnly? today = null) => ReadinessEvaluator.Evaluate(c, today ?? Today, Rules);

    [Fact]
    public void Given_every_criterion_met_when_evaluated_then_SURG_READY_verdict_is_ready_with_evidence_for_each()
    {
        var snapshot = Evaluate(Ready());
        Assert.Equal(ReadinessVerdicts.Ready, snapshot.Verdict);
        Assert.Equal(ReadinessCriteria.All, snapshot.Criteria.Select(c => c.Key));
        Assert.All(snapshot.Criteria.Where(c => c.Key != ReadinessCriteria.AdverseEventsResolved), c => Assert.NotEmpty(c.Evidence));
    }

    [Fact]
    public void Given_SD_maintained_exactly_three_months_when_evaluated_then_SURG_READY_response_passes()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Start.AddMonths(3), ResponseCategories.StableDisease), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Pass, Evaluate(c, Start.AddMonths(3))[ReadinessCriteria.Response].Status);
    }

    [Fact]
    public void Given_SD_one_day_short_of_three_months_when_evaluated_then_SURG_READY_response_fails()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Start.AddMonths(3).AddDays(-1), ResponseCategories.StableDisease), Guid.NewGuid());
        var snapshot = Evaluate(c, Start.AddMonths(3).AddDays(-1));
        Assert.Equal(CriterionStatuses.Fail, snapshot[ReadinessCriteria.Response].Status);
        Assert.Equal(ReadinessVerdicts.Blocked, snapshot.Verdict);
    }

    [Fact]
    public void Given_SD_after_progression_when_evaluated_then_SURG_READY_response_fails()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Today.AddDays(-40), ResponseCategories.ProgressiveDisease), Guid.NewGuid());
        FactRecording.Record(c, Response(Today.AddDays(-5), ResponseCategories.StableDisease), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Fail, Evaluate(c)[ReadinessCriteria.Response].Status);
    }

    [Fact]
    public void Given_SD_and_no_known_treatment_start_when_evaluated_then_SURG_READY_response_is_unknown_not_fail()
    {
        var c = Ready();
        c.TreatmentStartedOn = null;
        c.Responses.Clear();
        FactRecording.Record(c, Response(Today.AddDays(-5), ResponseCategories.StableDisease), Guid.NewGuid());
        var response = Evaluate(c)[ReadinessCriteria.Response];
        Assert.Equal(CriterionStatuses.Unknown, response.Status);
        Assert.Equal(ReadinessEvaluator.TreatmentStartUnknown, response.Missing);
    }

    [Fact]
    public void Given_a_response_older_than_the_evidence_age_when_evaluated_then_SURG_READY_response_is_unknown_as_stale()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Today.AddDays(-31), ResponseCategories.PartialResponse), Guid.NewGuid());
        var snapshot = Evaluate(c);
        Assert.Equal(CriterionStatuses.Unknown, snapshot[ReadinessCriteria.Response].Status);
        Assert.StartsWith("stale", snapshot[ReadinessCriteria.Response].Missing);
        Assert.Equal(ReadinessVerdicts.NearlyReady, snapshot.Verdict);
    }

    [Fact]
    public void Given_a_response_exactly_at_the_evidence_age_when_evaluated_then_it_still_counts()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Today.AddDays(-30), ResponseCategories.PartialResponse), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Pass, Evaluate(c)[ReadinessCriteria.Response].Status);
    }

    [Fact]
    public void Given_no_surgeon_assessment_when_evaluated_then_SURG_READY_R0_is_unknown_and_patient_nearly_ready()
    {
        var c = Ready();
        c.R0ResectionFeasible = null;
        var snapshot = Evaluate(c);
        Assert.Equal(CriterionStatuses.Unknown, snapshot[ReadinessCriteria.R0Feasible].Status);
        Assert.Equal("missing", snapshot[ReadinessCriteria.R0Feasible].Missing);
        Assert.Equal(ReadinessVerdicts.NearlyReady, snapshot.Verdict);
    }

    [Fact]
    public void Given_R0_not_feasible_when_evaluated_then_SURG_READY_R0_fails()
    {
        var c = Ready();
        OwnEvents.Apply(c, Feasibility(Today, r0: false));
        Assert.Equal(CriterionStatuses.Fail, Evaluate(c)[ReadinessCriteria.R0Feasible].Status);
    }

    [Theory]
    [InlineData(0.40, CriterionStatuses.Pass)]
    [InlineData(0.3999, CriterionStatuses.Fail)]
    public void Given_FLR_at_and_below_40_percent_when_evaluated_then_SURG_READY_FLR_follows_the_boundary(double flr, string expected)
    {
        var c = Ready();
        FactRecording.Record(c, LiverFunction(Today, flr: flr), Guid.NewGuid());
        Assert.Equal(expected, Evaluate(c)[ReadinessCriteria.FutureLiverRemnant].Status);
    }

    [Theory]
    [InlineData(7, 20, 1, CriterionStatuses.Pass)]
    [InlineData(8, 12, 0, CriterionStatuses.Fail)]
    [InlineData(6, 20.5, 0, CriterionStatuses.Fail)]
    [InlineData(6, 12, 2, CriterionStatuses.Fail)]
    public void Given_liver_function_and_ECOG_when_evaluated_then_SURG_READY_4_applies_each_limit(int childPugh, double icg, int ecog, string expected)
    {
        var c = Ready();
        FactRecording.Record(c, LiverFunction(Today, childPugh, (decimal)icg, ecog), Guid.NewGuid());
        Assert.Equal(expected, Evaluate(c)[ReadinessCriteria.LiverFunctionAndPerformance].Status);
    }

    [Fact]
    public void Given_an_ICG_value_older_than_30_days_when_evaluated_then_SURG_READY_4_is_unknown_not_pass()
    {
        var c = Ready();
        c.IcgR15Percent = c.IcgR15Percent! with { On = Today.AddDays(-31) };
        var criterion = Evaluate(c)[ReadinessCriteria.LiverFunctionAndPerformance];
        Assert.Equal(CriterionStatuses.Unknown, criterion.Status);
        Assert.Contains("stale", criterion.Missing);
    }

    [Fact]
    public void Given_extrahepatic_disease_on_the_latest_study_when_evaluated_then_SURG_READY_5_fails()
    {
        var c = Ready();
        FactRecording.Record(c, Response(Today, ResponseCategories.PartialResponse, ExtrahepaticStatuses.Stable), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Fail, Evaluate(c)[ReadinessCriteria.NoExtrahepaticDisease].Status);
    }

    [Fact]
    public void Given_an_open_grade_3_treatment_related_AE_when_evaluated_then_SURG_READY_6_fails()
    {
        var c = Ready();
        FactRecording.Record(c, Ae(Guid.NewGuid(), Today.AddDays(-10), 3), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Fail, Evaluate(c)[ReadinessCriteria.AdverseEventsResolved].Status);
    }

    [Fact]
    public void Given_the_AE_resolution_recorded_before_its_report_when_evaluated_then_SURG_READY_6_passes()
    {
        var c = Ready();
        var ae = Guid.NewGuid();
        FactRecording.Record(c, AeResolved(ae, Today.AddDays(-2)), Guid.NewGuid());
        FactRecording.Record(c, Ae(ae, Today.AddDays(-10), 3), Guid.NewGuid());
        FactRecording.Record(c, Ae(ae, Today.AddDays(-10), 3), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Pass, Evaluate(c)[ReadinessCriteria.AdverseEventsResolved].Status);
        Assert.Equal(2, Assert.Single(c.AdverseEvents).Gradings.Count);
    }

    [Fact]
    public void Given_a_grade_change_of_an_unreported_AE_when_evaluated_then_it_counts_as_treatment_related()
    {
        var c = Ready();
        FactRecording.Record(c, new AdverseEventGradeChanged(Guid.Empty, Guid.NewGuid(), 2, 3, Today.AddDays(-1), Now), Guid.NewGuid());
        Assert.Equal(CriterionStatuses.Fail, Evaluate(c)[ReadinessCriteria.AdverseEventsResolved].Status);
    }

    [Fact]
    public void Given_an_older_value_arriving_after_a_newer_one_when_recorded_then_the_newer_value_stays()
    {
        var c = Ready();
        var newer = c.ChildPughScore!;
        FactRecording.Record(c, LiverFunction(Today.AddDays(-20), childPugh: 9), Guid.NewGuid());
        Assert.Equal(newer, c.ChildPughScore);
    }

    [Fact]
    public void Given_an_unchanged_checklist_when_reevaluated_then_nothing_is_appended_the_second_time()
    {
        var c = Ready();
        var first = ReadinessChanges.Reevaluate(c, Evaluate(c), Guid.NewGuid(), Now);
        var second = ReadinessChanges.Reevaluate(c, Evaluate(c), Guid.NewGuid(), Now);
        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal(ReadinessCriteria.All, first.ChangedCriteria);
    }

    [Fact]
    public void Given_one_criterion_changes_when_reevaluated_then_the_event_names_only_it_and_the_new_verdict()
    {
        var c = Ready();
        ReadinessChanges.Reevaluate(c, Evaluate(c), null, Now);
        FactRecording.Record(c, Ae(Guid.NewGuid(), Today, 3), Guid.NewGuid());
        var changed = ReadinessChanges.Reevaluate(c, Evaluate(c), null, Now);
        Assert.NotNull(changed);
        Assert.Equal([ReadinessCriteria.AdverseEventsResolved], changed.ChangedCriteria);
        Assert.Equal(ReadinessVerdicts.Ready, changed.PreviousVerdict);
        Assert.Equal(ReadinessVerdicts.Blocked, changed.Verdict);
        Assert.Equal(Rules.Version, changed.RuleSetVersion);
    }
}
