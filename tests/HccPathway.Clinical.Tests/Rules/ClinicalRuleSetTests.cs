using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;

namespace HccPathway.Clinical.Tests.Rules;

public class ClinicalRuleSetTests
{
    [Fact]
    public void Rules_default_values_are_the_specification_defaults()
    {
        var r = ClinicalRuleSet.Default;
        Assert.Equal("2026.2", r.Version);
        Assert.Equal(28m, r.ChildPughAlbuminLowerBoundaryGramsPerLitre);           // SCORE-CP
        Assert.Equal(80m, r.AfpResponseMinimumDecreasePercent);                    // SCORE-AFPR
        Assert.Equal(StandardLiverVolumeFormula.Vauthey, r.StandardLiverVolumeFormula); // SCORE-SLV
        Assert.False(r.TaaCutoffsVerified);                                         // SCORE-TAA
        Assert.Equal(3, r.StableDiseaseMinimumMonths);                              // SURG-READY
        Assert.Equal(3, r.CcrStabilityMonths);                                      // RESP-CCR
        Assert.Equal((42, 28, 7, 0), (r.AntiAngiogenicAntibodyWashoutDays, r.TaceWashoutDays,
            r.TyrosineKinaseInhibitorWashoutDays, r.ImmuneCheckpointInhibitorWashoutDays)); // SURG-WASH
        Assert.Equal(1, r.HoldResolutionMaximumGrade);                              // SCHED-HOLD
        Assert.Equal((4, 6), (r.FollowUpImagingMinimumWeeks, r.FollowUpImagingMaximumWeeks)); // SCHED-FU
        Assert.Equal(6, r.ResponseImagingIntervalWeeks);                            // SCHED-IMG
        Assert.Equal((3, 2, 6), (r.SurveillanceEarlyIntervalMonths, r.SurveillanceEarlyPhaseYears,
            r.SurveillanceLateIntervalMonths));                                     // SCHED-SURV
        Assert.Equal((2, 7), (r.PreDoseLabsDaysBefore, r.MdtReviewDaysAfterAssessment)); // SCHED-LAB, SCHED-MDT
        Assert.Equal((60m, 12m, 8m), (r.LenvatinibWeightThresholdKilograms, r.LenvatinibDoseAtOrAboveThresholdMilligrams,
            r.LenvatinibDoseBelowThresholdMilligrams));                             // SCHED-LEN
        Assert.Equal((14, 14, 21, 200m), (r.TaceDaysAfterLenvatinibStart, r.CamrelizumabFirstDoseDaysAfterTace,
            r.CamrelizumabIntervalDays, r.CamrelizumabDoseMilligrams));            // SCHED-TACE, SCHED-CAM
        Assert.Equal((1, 6, 12), (r.AdjuvantStartMonthsAfterSurgery, r.AdjuvantMinimumMonths, r.AdjuvantMaximumMonths)); // SURG-ADJ
    }

    [Fact]
    public void Rules_default_rule_set_is_valid() => Assert.True(ClinicalRuleSet.Default.Validate().IsValid);

    [Fact]
    public void Rules_with_expression_changes_one_value_and_keeps_the_default_untouched()
    {
        var site = ClinicalRuleSet.Default with { Version = "site-1", ChildPughAlbuminLowerBoundaryGramsPerLitre = 30m };
        Assert.Equal(30m, site.ChildPughAlbuminLowerBoundaryGramsPerLitre);
        Assert.Equal(28m, ClinicalRuleSet.Default.ChildPughAlbuminLowerBoundaryGramsPerLitre);
    }

    [Fact]
    public void Rules_inconsistent_rule_set_is_rejected_with_every_field()
    {
        var bad = ClinicalRuleSet.Default with
        {
            Version = " ",
            ChildPughAlbuminLowerBoundaryGramsPerLitre = 3m,
            TaceWashoutDays = -1,
            AdjuvantMinimumMonths = 13,
            FollowUpImagingMinimumWeeks = 8,
            HoldResolutionMaximumGrade = 3,
            LenvatinibDoseLevelsMilligrams = [8m, 12m],
        };
        var fields = bad.Validate().Errors.Select(e => e.Field).ToArray();
        Assert.Equal(
            [
                "version", "childPughAlbuminLowerBoundaryGramsPerLitre", "holdResolutionMaximumGrade", "lenvatinibDoseLevelsMilligrams",
                "followUpImagingMaximumWeeks", "taceWashoutDays", "adjuvantMaximumMonths",
            ],
            fields);
    }
}

public class ValidatedTests
{
    [Fact]
    public void Validated_failure_needs_an_error_and_value_access_on_failure_is_a_caller_error()
    {
        Assert.Throws<ArgumentException>(() => Validated<int>.Failure([]));
        var failed = Validated<int>.Failure(new ValidationError("x", "bad", "1–2"));
        Assert.Throws<InvalidOperationException>(() => failed.Value);
        Assert.False(failed.TryGetValue(out _));
    }

    [Fact]
    public void Validated_map_bind_and_match_propagate_errors()
    {
        var ok = Validated<int>.Success(2);
        Assert.Equal(4, ok.Map(x => x * 2).Value);
        Assert.Equal("2", ok.Bind(x => Validated<string>.Success(x.ToString(System.Globalization.CultureInfo.InvariantCulture))).Value);
        var failed = Validated<int>.Failure(new ValidationError("x", "bad", "1–2"));
        Assert.Equal("x", Assert.Single(failed.Map(x => x * 2).Errors).Field);
        Assert.Equal(-1, failed.Match(v => v, errors => -errors.Count));
    }
}
