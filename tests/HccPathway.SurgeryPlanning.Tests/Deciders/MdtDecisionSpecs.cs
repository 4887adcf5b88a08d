using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Mdt;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

public class MdtDecisionSpecs
{
    private static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    private static RecordMdtDecision.Request Request(string outcome, string? rationale = "MDT reviewed imaging and labs.", string? option = null, bool highRisk = false) =>
        new(outcome, rationale, ["hepatobiliary surgeon", "oncologist", "radiologist"], Today,
            outcome == MdtOutcomes.Resect ? Today.AddDays(30) : null, option, highRisk);

    private static Decision Decide(PatientChecklist c, RecordMdtDecision.Request request) =>
        RecordMdtDecision.Decide(Enrolled(c.Id), c, request, "dr-mdt", Rules, Today, Now);

    private static (MdtSuggestionsOffered Offered, MdtDecisionRecorded Decision) Appended(Decision d)
    {
        Assert.Null(d.Rejection);
        return (Assert.IsType<MdtSuggestionsOffered>(d.Events[0]), Assert.IsType<MdtDecisionRecorded>(d.Events[1]));
    }

    private static PatientChecklist Progressed(string pattern)
    {
        var c = Ready();
        FactRecording.Record(c, Response(Today.AddDays(-2), ResponseCategories.ProgressiveDisease), Guid.NewGuid());
        FactRecording.Record(c, new ProgressionDetected(c.Id, Guid.NewGuid(), Today.AddDays(-2), pattern, null,
            new ProgressionSites(true, [], false, []), "PD", "PD", [], "2025.1", Now), Guid.NewGuid());
        return c;
    }

    [Fact]
    public void Given_no_rationale_when_recording_an_MDT_decision_then_it_is_invalid_and_nothing_is_appended()
    {
        var d = Decide(Ready(), Request(MdtOutcomes.ContinueConversion, rationale: " "));
        Assert.Equal(RejectionKind.Invalid, d.Rejection?.Kind);
        Assert.Contains("rationale", d.Rejection!.Errors!.Keys);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_no_attendees_and_a_resect_without_date_when_recording_then_each_bad_field_is_named()
    {
        var d = Decide(Ready(), Request(MdtOutcomes.Resect) with { Attendees = [], IntendedSurgeryOn = null });
        Assert.Equal(["attendees", "intendedSurgeryOn"], d.Rejection!.Errors!.Keys.Order());
    }

    [Fact]
    public void Given_a_ready_patient_with_SD_when_the_MDT_decides_to_resect_then_SURG_READY_was_suggested_and_followed()
    {
        var c = Ready();
        c.Responses.Clear();
        FactRecording.Record(c, Response(Today.AddDays(-10), ResponseCategories.StableDisease), Guid.NewGuid());
        var (offered, decision) = Appended(Decide(c, Request(MdtOutcomes.Resect)));
        Assert.Equal(ReadinessVerdicts.Ready, offered.Inputs.ReadinessVerdict);
        Assert.Equal("SURG-READY", decision.SuggestedRuleId);
        Assert.True(decision.FollowedSuggestion);
        Assert.Equal(offered.DecisionId, decision.DecisionId);
    }

    [Fact]
    public void Given_a_PR_when_the_MDT_decides_to_resect_then_SURG_CCR_preferred_salvage_resection()
    {
        var (offered, decision) = Appended(Decide(Ready(), Request(MdtOutcomes.Resect)));
        Assert.Contains(offered.Suggestions, s => s is { RuleId: "SURG-CCR", Outcome: MdtOutcomes.Resect, Preferred: true });
        Assert.DoesNotContain(offered.Suggestions, s => s.Outcome == MdtOutcomes.WatchAndWait);
        Assert.Equal("SURG-CCR", decision.SuggestedRuleId);
    }

    [Fact]
    public void Given_no_confirmed_cCR_when_the_MDT_chooses_watch_and_wait_then_SURG_CCR_refuses()
    {
        var c = Ready();
        FactRecording.Record(c, Response(Today, ResponseCategories.CompleteResponse), Guid.NewGuid());
        var d = Decide(c, Request(MdtOutcomes.WatchAndWait));
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Equal("SURG-CCR", d.Rejection!.RuleId);
    }

    [Fact]
    public void Given_a_confirmed_cCR_and_high_surgical_risk_when_the_MDT_chooses_watch_and_wait_then_SURG_CCR_preferred_it()
    {
        var c = Ready();
        var ccrEvent = Guid.NewGuid();
        FactRecording.Record(c, new ClinicalCompleteResponseConfirmed(c.Id, Today.AddDays(-1), Today.AddMonths(-3), 3, [],
            new CcrEvidence([], null, null, []), "2025.1", Now), ccrEvent);
        var (offered, decision) = Appended(Decide(c, Request(MdtOutcomes.WatchAndWait, highRisk: true)));
        var watch = Assert.Single(offered.Suggestions, s => s.Outcome == MdtOutcomes.WatchAndWait);
        Assert.True(watch.Preferred);
        Assert.Equal(ccrEvent, offered.Inputs.ClinicalCompleteResponseEventId);
        Assert.Equal("SURG-CCR", decision.SuggestedRuleId);
        Assert.True(decision.FollowedSuggestion);
    }

    [Fact]
    public void Given_a_cCR_that_was_later_lost_when_the_MDT_chooses_watch_and_wait_then_SURG_CCR_refuses()
    {
        var c = Ready();
        FactRecording.Record(c, new ClinicalCompleteResponseLost(c.Id, Today, Today.AddDays(-20), Guid.NewGuid(), [], "2025.1", Now), Guid.NewGuid());
        FactRecording.Record(c, new ClinicalCompleteResponseConfirmed(c.Id, Today.AddDays(-20), Today.AddMonths(-4), 3, [],
            new CcrEvidence([], null, null, []), "2025.1", Now.AddDays(-20)), Guid.NewGuid());
        Assert.Equal("SURG-CCR", Decide(c, Request(MdtOutcomes.WatchAndWait)).Rejection?.RuleId);
    }

    [Theory]
    [InlineData(ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic, "FAIL-1a", "TACE")]
    [InlineData(ProgressionPatternNames.NewLesionWithOthersStable, "FAIL-1b", "RFA")]
    [InlineData(ProgressionPatternNames.IntraAndExtrahepaticProgression, "FAIL-1c", "ICI")]
    public void Given_a_progression_pattern_when_the_MDT_goes_second_line_then_FAIL_1_branch_is_offered_and_followed(string pattern, string ruleId, string option)
    {
        var (offered, decision) = Appended(Decide(Progressed(pattern), Request(MdtOutcomes.SecondLine, option: option)));
        var suggestion = Assert.Single(offered.Suggestions, s => s.RuleId.StartsWith("FAIL-1"));
        Assert.Equal(ruleId, suggestion.RuleId);
        Assert.Equal(pattern, offered.Inputs.ProgressionPattern);
        Assert.NotNull(offered.FollowUp);
        Assert.Equal(ruleId, decision.SuggestedRuleId);
        Assert.True(decision.FollowedSuggestion);
    }

    [Fact]
    public void Given_FAIL_1a_when_the_MDT_chooses_an_option_not_offered_then_the_decision_records_it_did_not_follow()
    {
        var (_, decision) = Appended(Decide(Progressed(ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic),
            Request(MdtOutcomes.SecondLine, option: "radiotherapy")));
        Assert.Equal("FAIL-1a", decision.SuggestedRuleId);
        Assert.False(decision.FollowedSuggestion);
    }

    [Fact]
    public void Given_a_later_study_without_PD_when_suggesting_then_the_old_progression_does_not_drive_FAIL_1()
    {
        var c = Progressed(ProgressionPatternNames.NewLesionWithOthersStable);
        FactRecording.Record(c, Response(Today, ResponseCategories.StableDisease), Guid.NewGuid());
        var (offered, _) = Appended(Decide(c, Request(MdtOutcomes.ContinueConversion)));
        Assert.DoesNotContain(offered.Suggestions, s => s.RuleId.StartsWith("FAIL-1"));
    }

    [Fact]
    public void Given_a_grade_3_treatment_related_AE_when_suggesting_then_FAIL_2_offers_a_downgrade()
    {
        var c = Ready();
        var report = Guid.NewGuid();
        FactRecording.Record(c, Ae(Guid.NewGuid(), Today.AddDays(-3), 3), report);
        var (offered, _) = Appended(Decide(c, Request(MdtOutcomes.SecondLine)));
        var fail2 = Assert.Single(offered.Suggestions, s => s.RuleId == "FAIL-2");
        Assert.Contains(fail2.Options, o => o.Contains("lenvatinib + camrelizumab"));
        Assert.Equal([report], offered.Inputs.IntoleranceEventIds);
    }

    [Fact]
    public void Given_a_drug_on_hold_when_suggesting_then_FAIL_2_counts_it_as_intolerance_until_resumed()
    {
        var c = Ready();
        var hold = Guid.NewGuid();
        FactRecording.Record(c, new TreatmentHeld(c.Id, hold, "lenvatinib", Today.AddDays(-5), Guid.NewGuid(), "hypertension", 3, "SCHED-HOLD", "2025.1", Now), Guid.NewGuid());
        Assert.True(Appended(Decide(c, Request(MdtOutcomes.SecondLine))).Offered.Inputs.Intolerance);
        FactRecording.Record(c, new TreatmentResumed(c.Id, "lenvatinib", Today, [hold], "resolved", "dr", Now), Guid.NewGuid());
        Assert.False(Appended(Decide(c, Request(MdtOutcomes.SecondLine))).Offered.Inputs.Intolerance);
    }

    [Fact]
    public void Given_Child_Pugh_worse_than_baseline_and_above_7_when_suggesting_then_FAIL_3_offers_supportive_care()
    {
        var c = Ready();
        c.BaselineChildPughScore = new Fact<int>(6, Start.AddDays(-10), Guid.NewGuid(), Now.AddDays(-130));
        FactRecording.Record(c, LiverFunction(Today, childPugh: 9), Guid.NewGuid());
        var (offered, _) = Appended(Decide(c, Request(MdtOutcomes.SecondLine)));
        Assert.Contains(offered.Suggestions, s => s.RuleId == "FAIL-3" && s.Options.Contains("symptomatic and supportive care"));
        Assert.True(offered.Inputs.LiverDiseaseWorsening);
    }

    [Fact]
    public void Given_a_remeasured_FLR_still_below_40_percent_when_suggesting_then_FAIL_4_asks_for_MDT_review()
    {
        var c = Ready();
        c.BaselineChildPughScore = new Fact<int>(6, Start.AddDays(-10), Guid.NewGuid(), Now.AddDays(-130));
        var flrEvent = Guid.NewGuid();
        FactRecording.Record(c, LiverFunction(Today, flr: 0.33), flrEvent);
        var (offered, _) = Appended(Decide(c, Request(MdtOutcomes.SecondLine)));
        Assert.Contains(offered.Suggestions, s => s.RuleId == "FAIL-4");
        Assert.Equal(flrEvent, offered.Inputs.FutureLiverRemnantEventId);
    }

    [Fact]
    public void Given_no_failure_when_suggesting_then_no_FAIL_suggestion_and_no_follow_up_is_offered()
    {
        var (offered, _) = Appended(Decide(Ready(), Request(MdtOutcomes.ContinueConversion)));
        Assert.DoesNotContain(offered.Suggestions, s => s.RuleId.StartsWith("FAIL"));
        Assert.Null(offered.FollowUp);
    }
}
