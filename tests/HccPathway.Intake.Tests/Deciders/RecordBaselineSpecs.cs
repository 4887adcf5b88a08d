using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways;
using HccPathway.Intake.Pathways.RecordingBaseline;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Intake.Tests.Deciders.PathwayStates;

namespace HccPathway.Intake.Tests.Deciders;

public sealed class RecordBaselineSpecs
{
    [Fact]
    public void Given_a_registered_patient_when_the_baseline_is_recorded_then_scores_stage_and_rule_set_version_are_stored()
    {
        var pathway = Registered(new DateOnly(1966, 3, 14));

        var assessed = Single<BaselineAssessed>(RecordBaseline.Decide(pathway, Baselines.ResectableWithPvtt(Today), ClinicalRuleSet.Default, Today, Now));

        // Age on 2026-06-01 for a birth on 1966-03-14: 60.
        Assert.Equal(60, assessed.Measurements.AgeYears);
        Assert.Equal(5, assessed.Scores.ChildPughPoints);
        Assert.Equal("A", assessed.Scores.ChildPughClass);
        Assert.Equal("IIIa", assessed.Scores.CnlcStage);
        // ALBI = 0.66·log10(15) − 0.085·42 = 0.7762 − 3.57 = −2.7938 → grade 1 (≤ −2.60).
        Assert.Equal(-2.7938, assessed.Scores.AlbiScore, 3);
        Assert.Equal(1, assessed.Scores.AlbiGrade);
        // BSA = √(170·72/3600) = √3.4 = 1.8439; SLV (Vauthey) = −794.41 + 1267.28·1.8439 = 1542.3 mL.
        Assert.Equal(1.8439, assessed.Scores.BodySurfaceAreaSquareMetres, 3);
        Assert.Equal(1542.3, assessed.Scores.StandardLiverVolumeMillilitres, 0);
        Assert.Equal(ClinicalRuleSet.Default.Version, assessed.RuleSetVersion);
    }

    [Fact]
    public void When_age_is_computed_the_day_before_the_birthday_it_is_one_year_less()
    {
        Assert.Equal(59, ClinicalDates.AgeOn(new DateOnly(1966, 6, 2), Today));
        Assert.Equal(60, ClinicalDates.AgeOn(new DateOnly(1966, 6, 1), Today));
    }

    [Fact]
    public void When_required_measurements_are_missing_then_each_is_named()
    {
        var request = Baselines.ResectableWithPvtt(Today) with { AlbuminGramsPerLitre = null, Ascites = "some", Surgeon = null };

        var decision = RecordBaseline.Decide(Registered(), request, ClinicalRuleSet.Default, Today, Now);

        Assert.Equal(RejectionKind.Invalid, decision.Rejection!.Kind);
        Assert.Equal(["albuminGramsPerLitre", "ascites", "surgeon"], decision.Rejection.Errors!.Keys.Order());
    }

    [Fact]
    public void When_albumin_is_implausible_then_the_clinical_range_error_is_returned_and_nothing_appended()
    {
        var decision = RecordBaseline.Decide(
            Registered(), Baselines.ResectableWithPvtt(Today) with { AlbuminGramsPerLitre = 120m }, ClinicalRuleSet.Default, Today, Now);

        Assert.Empty(decision.Events);
        Assert.Contains(decision.Rejection!.Errors!.Keys, k => k.Contains("albumin", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void When_the_assessment_is_dated_in_the_future_then_it_is_rejected()
    {
        var decision = RecordBaseline.Decide(Registered(), Baselines.ResectableWithPvtt(Today.AddDays(3)), ClinicalRuleSet.Default, Today, Now);

        Assert.Equal(["assessedOn"], decision.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void Given_an_enrolled_patient_when_a_baseline_is_recorded_then_it_conflicts()
    {
        var enrolled = Registered() with { Phase = IntakePhase.Enrolled };

        var decision = RecordBaseline.Decide(enrolled, Baselines.ResectableWithPvtt(Today), ClinicalRuleSet.Default, Today, Now);

        Assert.Equal(RejectionKind.Conflict, decision.Rejection!.Kind);
    }
}
