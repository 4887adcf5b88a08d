using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways;
using HccPathway.Intake.Pathways.DecidingEligibility;
using HccPathway.Intake.Pathways.Enrolling;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Intake.Tests.Deciders.PathwayStates;

namespace HccPathway.Intake.Tests.Deciders;

public sealed class EligibilityAndEnrolmentSpecs
{
    private static readonly EnrolPatient.Request Enrol = new(Today, "MDT agreed: PVTT III, conversion first.");

    [Fact]
    public void ELIG_2_given_IIIa_with_Cheng_III_PVTT_when_eligibility_is_decided_then_eligible_with_every_criterion_listed()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today), version: 2);

        var decided = Single<EligibilityDecided>(DecideEligibility.Decide(pathway, ClinicalRuleSet.Default, Now));

        Assert.True(decided.Eligible);
        Assert.Equal(["ELIG-2"], decided.MatchedRules);
        Assert.Equal(2, decided.BaselineStreamVersion);
        Assert.Contains(decided.Criteria, c => c.RuleId == "ELIG-2" && c.Outcome == "pass");
        Assert.Contains(decided.Criteria, c => c.RuleId == "ELIG-1" && c.Outcome == "fail");
        Assert.Equal(ClinicalRuleSet.Default.Version, decided.RuleSetVersion);
    }

    [Fact]
    public void ELIG_X_given_CNLC_IV_when_eligibility_is_decided_then_not_eligible_and_the_failed_criteria_are_recorded()
    {
        var pathway = Registered().WithBaseline(Baselines.PoorPerformanceStatus(Today));

        var decided = Single<EligibilityDecided>(DecideEligibility.Decide(pathway, ClinicalRuleSet.Default, Now));

        Assert.False(decided.Eligible);
        Assert.Empty(decided.MatchedRules);
        Assert.Contains(decided.Criteria, c => c.Outcome == "fail");
    }

    [Fact]
    public void Given_no_baseline_when_eligibility_is_decided_then_it_conflicts()
    {
        var decision = DecideEligibility.Decide(Registered(), ClinicalRuleSet.Default, Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection!.Kind);
    }

    [Fact]
    public void Given_an_eligible_patient_when_a_clinician_enrols_then_the_weight_and_rules_travel_with_the_enrolment()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility();

        var enrolled = Single<PatientEnrolled>(EnrolPatient.Decide(pathway, Enrol, "dr-house", Today, Now));

        Assert.Equal(72m, enrolled.WeightKg);
        Assert.Equal(["ELIG-2"], enrolled.EligibilityRules);
        Assert.Equal("dr-house", enrolled.DecidedBy);
    }

    [Fact]
    public void Given_an_ineligible_patient_when_enrolled_then_it_conflicts_with_ELIG_X()
    {
        var pathway = Registered().WithBaseline(Baselines.PoorPerformanceStatus(Today)).WithEligibility();

        var decision = EnrolPatient.Decide(pathway, Enrol, "dr-house", Today, Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection!.Kind);
        Assert.Equal("ELIG-X", decision.Rejection.RuleId);
    }

    [Fact]
    public void Given_a_new_baseline_after_the_decision_when_enrolled_then_it_conflicts_until_eligibility_is_decided_again()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility()
            .WithBaseline(Baselines.ResectableWithPvtt(Today), version: 4);

        var decision = EnrolPatient.Decide(pathway, Enrol, "dr-house", Today, Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection!.Kind);
    }

    [Fact]
    public void Given_an_enrolled_patient_when_enrolled_again_then_it_conflicts()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility() with { Phase = IntakePhase.Enrolled };

        Assert.Equal(RejectionKind.Conflict, EnrolPatient.Decide(pathway, Enrol, "dr-house", Today, Now).Rejection!.Kind);
        Assert.Equal(RejectionKind.Conflict, DeclineEnrolment.Decide(pathway, new("changed mind"), "dr-house", Now).Rejection!.Kind);
    }

    [Fact]
    public void When_enrolment_has_no_rationale_then_it_is_invalid()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility();

        var decision = EnrolPatient.Decide(pathway, Enrol with { Rationale = " " }, "dr-house", Today, Now);

        Assert.Equal(["rationale"], decision.Rejection!.Errors!.Keys);
    }
}
