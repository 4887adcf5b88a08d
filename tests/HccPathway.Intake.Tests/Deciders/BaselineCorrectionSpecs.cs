using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways;
using HccPathway.Intake.Pathways.CorrectingBaseline;
using HccPathway.Intake.Pathways.Enrolling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Intake.Tests.Deciders.PathwayStates;

namespace HccPathway.Intake.Tests.Deciders;

public sealed class BaselineCorrectionSpecs
{
    private static readonly Guid CorrectionId = Guid.NewGuid();

    private static Decision Correct(IntakePathway p, Guid baselineId, CorrectBaseline.Correction c) =>
        CorrectBaseline.Correct(p, baselineId, c, CorrectionId, "coordinator-1", ClinicalRuleSet.Default, Today, Now);

    private static Decision MarkInError(IntakePathway p, Guid baselineId, string? reason = "another patient's baseline") =>
        CorrectBaseline.MarkEnteredInError(p, baselineId, new(reason), CorrectionId, "coordinator-1", ClinicalRuleSet.Default, Now);

    private static IntakePathway Enrolled()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility();
        return pathway.Apply(Single<PatientEnrolled>(EnrolPatient.Decide(pathway, new(Today, "MDT: convert first."), "dr-house", Today, Now)));
    }

    [Fact]
    public void Given_an_enrolled_patient_when_the_weight_is_corrected_then_the_correction_names_the_old_weight_and_eligibility_is_decided_again_because_of_it()
    {
        var pathway = Enrolled();

        var decision = Correct(pathway, pathway.BaselineId!.Value, new(Baselines.ResectableWithPvtt(Today) with { WeightKg = 52m }, "typed 72 for 52"));

        Assert.Null(decision.Rejection);
        var corrected = Assert.IsType<BaselineCorrected>(decision.Events[0]);
        Assert.Equal(52m, corrected.Corrected.Measurements.WeightKg);
        Assert.Equal(72m, corrected.PreviousWeightKg);
        Assert.True(corrected.IsLatest);
        Assert.Equal("typed 72 for 52", corrected.Reason);
        var eligibility = Assert.IsType<EligibilityDecided>(decision.Events[1]);
        Assert.Equal(CorrectionId, eligibility.CausedBy);
        Assert.True(eligibility.Eligible);
        var after = AggregateFold<IntakePathway>.Apply(pathway, decision.Events);
        Assert.Equal(IntakePhase.Enrolled, after.Phase);
        Assert.Equal(52m, after.Baseline!.Measurements.WeightKg);
        Assert.Equal(eligibility, after.Eligibility);
    }

    [Fact]
    public void ELIG_X_given_an_eligible_decision_when_the_ECOG_is_corrected_to_3_then_eligibility_derived_again_is_not_eligible()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility();

        var decision = Correct(pathway, pathway.BaselineId!.Value, new(Baselines.PoorPerformanceStatus(Today), "ECOG was 3"));

        var eligibility = Assert.IsType<EligibilityDecided>(decision.Events[1]);
        Assert.False(eligibility.Eligible);
        Assert.Equal(CorrectionId, eligibility.CausedBy);
        Assert.Equal("IV", Assert.IsType<BaselineCorrected>(decision.Events[0]).Corrected.Scores.CnlcStage);
    }

    [Fact]
    public void Given_no_eligibility_decided_when_the_baseline_is_corrected_then_only_the_correction_is_appended_with_its_scores_computed_again()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));

        var decision = Correct(pathway, pathway.BaselineId!.Value, new(Baselines.ResectableWithPvtt(Today) with { BilirubinMicromolesPerLitre = 40m }, "lab typo"));

        var corrected = Assert.IsType<BaselineCorrected>(Assert.Single(decision.Events));
        Assert.True(corrected.Corrected.Scores.ChildPughPoints > pathway.Baseline!.Scores.ChildPughPoints);
    }

    [Fact]
    public void Given_a_superseded_baseline_when_it_is_corrected_then_it_is_not_the_latest_and_eligibility_is_not_decided_again()
    {
        var first = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));
        var firstId = first.BaselineId!.Value;
        var pathway = first.WithBaseline(Baselines.ResectableWithPvtt(Today), version: 3).WithEligibility();

        var decision = Correct(pathway, firstId, new(Baselines.ResectableWithPvtt(Today) with { HeightCm = 165m }, "height typo"));

        Assert.False(Assert.IsType<BaselineCorrected>(Assert.Single(decision.Events)).IsLatest);
        Assert.Equal(170m, AggregateFold<IntakePathway>.Apply(pathway, decision.Events).Baseline!.Measurements.HeightCm);
    }

    [Fact]
    public void An_unknown_baseline_id_is_not_found()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));

        Assert.Equal(RejectionKind.NotFound, Correct(pathway, Guid.NewGuid(), new(Baselines.ResectableWithPvtt(Today), "x")).Rejection!.Kind);
        Assert.Equal(RejectionKind.NotFound, MarkInError(pathway, Guid.NewGuid()).Rejection!.Kind);
    }

    [Fact]
    public void A_missing_reason_is_invalid_and_names_the_field()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));
        var id = pathway.BaselineId!.Value;

        var correction = Correct(pathway, id, new(Baselines.ResectableWithPvtt(Today), " ")).Rejection!;
        var inError = MarkInError(pathway, id, reason: null).Rejection!;

        Assert.Equal(RejectionKind.Invalid, correction.Kind);
        Assert.Contains("reason", correction.Errors!.Keys);
        Assert.Contains("reason", inError.Errors!.Keys);
    }

    [Fact]
    public void Implausible_corrected_values_are_invalid_and_named_under_values()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));

        var rejection = Correct(pathway, pathway.BaselineId!.Value, new(Baselines.ResectableWithPvtt(Today) with { WeightKg = null }, "typo")).Rejection!;

        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Contains("values.weightKg", rejection.Errors!.Keys);
    }

    [Fact]
    public void Given_two_baselines_when_the_latest_is_entered_in_error_then_the_first_is_in_effect_again_and_eligibility_is_decided_on_it()
    {
        var first = Registered().WithBaseline(Baselines.PoorPerformanceStatus(Today));
        var pathway = first.WithBaseline(Baselines.ResectableWithPvtt(Today), version: 3).WithEligibility();

        var decision = MarkInError(pathway, pathway.BaselineId!.Value);

        var marked = Assert.IsType<BaselineEnteredInError>(decision.Events[0]);
        Assert.Equal(first.BaselineId, marked.InEffectBaselineId);
        var eligibility = Assert.IsType<EligibilityDecided>(decision.Events[1]);
        Assert.False(eligibility.Eligible);
        Assert.Equal(CorrectionId, eligibility.CausedBy);
        Assert.Equal(2, eligibility.BaselineStreamVersion);
        var after = AggregateFold<IntakePathway>.Apply(pathway, decision.Events);
        Assert.Equal(first.BaselineId, after.BaselineId);
        Assert.Equal(IntakePhase.EligibilityDecided, after.Phase);
    }

    [Fact]
    public void Given_the_only_baseline_when_it_is_entered_in_error_then_the_pathway_is_back_to_registered()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today)).WithEligibility();

        var decision = MarkInError(pathway, pathway.BaselineId!.Value);

        var marked = Assert.IsType<BaselineEnteredInError>(Assert.Single(decision.Events));
        Assert.Null(marked.InEffect);
        var after = AggregateFold<IntakePathway>.Apply(pathway, decision.Events);
        Assert.Equal(IntakePhase.Registered, after.Phase);
        Assert.Null(after.Baseline);
        Assert.Null(after.Eligibility);
    }

    [Fact]
    public void Given_an_enrolled_patient_when_the_baseline_is_entered_in_error_then_it_conflicts_correct_it_instead()
    {
        var pathway = Enrolled();

        Assert.Equal(RejectionKind.Conflict, MarkInError(pathway, pathway.BaselineId!.Value).Rejection!.Kind);
    }

    [Fact]
    public void A_baseline_already_entered_in_error_can_be_neither_corrected_nor_entered_in_error_again()
    {
        var pathway = Registered().WithBaseline(Baselines.ResectableWithPvtt(Today));
        var id = pathway.BaselineId!.Value;
        var marked = AggregateFold<IntakePathway>.Apply(pathway, MarkInError(pathway, id).Events);

        Assert.Equal(RejectionKind.Conflict, Correct(marked, id, new(Baselines.ResectableWithPvtt(Today), "x")).Rejection!.Kind);
        Assert.Equal(RejectionKind.Conflict, MarkInError(marked, id).Rejection!.Kind);
    }
}
