using HccPathway.Assessment.Pathways;
using HccPathway.Contracts.Assessment;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>RESP-RECIST and RESP-MRECIST at their boundaries, as a recorded study's ResponseAssessed shows them.</summary>
public sealed class ResponseCriteriaSpecs
{
    [Fact]
    public void Given_an_enrolled_pathway_when_the_first_study_is_recorded_then_it_is_the_baseline_with_its_sums_and_assessment_starts()
    {
        var state = Enrolled();

        var events = Study(ref state, Baseline(Day(2), Liver("L1", 60m, 50m), Lung("P1", 40m)));

        Assert.IsType<ResponseAssessmentStarted>(events[0]);
        Assert.True(Assert.IsType<ImagingStudyRecorded>(events[1]).IsBaseline);
        var baseline = Response(events);
        Assert.True(baseline.IsBaseline);
        Assert.Null(baseline.Recist.Category);
        Assert.Equal(100m, baseline.Recist.SumMm);
        Assert.Equal(90m, baseline.Mrecist.SumMm);
        Assert.Equal(Rules.Version, baseline.RuleSetVersion);
        Assert.Equal(400m, Assert.IsType<ResponseAssessmentStarted>(events[0]).BaselineMarkers!.AfpNanogramsPerMillilitre);
    }

    [Theory]
    [InlineData(70, "PR", -30)]
    [InlineData(71, "SD", -29)]
    public void RESP_RECIST_and_RESP_MRECIST_given_baseline_100mm_when_the_sum_falls_to_exactly_30_percent_below_then_PR_and_1mm_less_is_SD(
        int followUpSum, string expected, int percent)
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 60m), Lung("P1", 40m)));

        var response = Response(Study(ref state, FollowUp(Day(60), Liver("L1", followUpSum - 40m), Lung("P1", 40m))));

        Assert.Equal(expected, response.Recist.Category);
        Assert.Equal(expected, response.Mrecist.Category);
        Assert.Equal(percent, response.Recist.PercentChangeFromBaseline);
        Assert.StartsWith(expected + ":", response.Recist.Reason);
    }

    [Fact]
    public void RESP_RECIST_given_a_20mm_nadir_when_the_sum_grows_20_percent_but_only_4mm_then_RECIST_SD_while_mRECIST_PD()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 20m)));

        var response = Response(Study(ref state, FollowUp(Day(60), Liver("L1", 24m))));

        Assert.Equal("SD", response.Recist.Category);
        Assert.Equal("PD", response.Mrecist.Category);
        Assert.Equal(20m, response.Mrecist.PercentChangeFromNadir);
    }

    [Fact]
    public void RESP_RECIST_given_a_25mm_nadir_when_the_sum_grows_20_percent_and_5mm_then_PD_under_both()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 25m)));

        var events = Study(ref state, FollowUp(Day(60), Liver("L1", 30m)));

        Assert.Equal("PD", Response(events).Recist.Category);
        Assert.Equal("PD", Response(events).Mrecist.Category);
        var progression = events.OfType<ProgressionDetected>().Single();
        Assert.Equal(ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic, progression.Pattern);
        Assert.Equal("FAIL-1a", progression.FailureRuleId);
    }

    [Fact]
    public void RESP_RECIST_given_a_nadir_below_baseline_when_the_sum_grows_20_percent_from_it_then_PD_although_below_baseline()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 60m), Lung("P1", 40m)));
        Study(ref state, FollowUp(Day(60), Liver("L1", 30m), Lung("P1", 20m)));

        var response = Response(Study(ref state, FollowUp(Day(120), Liver("L1", 36m), Lung("P1", 24m))));

        Assert.Equal("PD", response.Recist.Category);
        Assert.Equal(50m, response.Recist.NadirSumMm);
        Assert.Equal(20m, response.Recist.PercentChangeFromNadir);
        Assert.Equal(-40m, response.Recist.PercentChangeFromBaseline);
        Assert.Equal("PR", response.Recist.BestOverallResponse);
    }

    [Fact]
    public void RESP_RECIST_and_RESP_MRECIST_given_stable_targets_when_a_new_lesion_appears_then_PD_naming_the_lesion_and_pattern_FAIL_1b()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 50m)));

        var events = Study(ref state, FollowUp(Day(60), Liver("L1", 48m)) with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L7")] });

        var response = Response(events);
        Assert.Equal("PD", response.Recist.Category);
        Assert.Equal("PD", response.Mrecist.Category);
        Assert.Equal("PD: new lesion L7 (intrahepatic, liver)", response.Recist.Reason);
        var progression = events.OfType<ProgressionDetected>().Single();
        Assert.Equal(ProgressionPatternNames.NewLesionWithOthersStable, progression.Pattern);
        Assert.Equal(["L7"], progression.Findings.NewIntrahepaticLesionIds);
        Assert.False(progression.Findings.IntrahepaticGrowth);
    }

    [Theory]
    [InlineData(9.9, "CR")]
    [InlineData(10, "PR")]
    public void RESP_RECIST_given_a_target_node_when_the_liver_target_is_gone_then_CR_needs_the_node_below_10mm(double node, string expected)
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 30m), Node("N1", 20m)));

        var response = Response(Study(ref state, FollowUp(Day(60), Liver("L1", 0m, 0m), Node("N1", (decimal)node))));

        Assert.Equal(expected, response.Recist.Category);
        Assert.Equal(expected, response.Mrecist.Category);
    }

    [Fact]
    public void RESP_MRECIST_given_a_lesion_that_no_longer_enhances_when_it_keeps_its_size_then_mRECIST_CR_and_RECIST_SD()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 50m, 40m)));

        var response = Response(Study(ref state, FollowUp(Day(60), Liver("L1", 45m, 0m))));

        Assert.Equal("SD", response.Recist.Category);
        Assert.Equal("CR", response.Mrecist.Category);
        Assert.Equal(-100m, response.Mrecist.PercentChangeFromBaseline);
    }

    [Fact]
    public void RESP_PROG_given_liver_growth_when_extrahepatic_disease_progresses_too_then_pattern_FAIL_1c()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 40m), Lung("P1", 20m)) with { ExtrahepaticStatus = ExtrahepaticStatuses.Stable });

        var events = Study(ref state, FollowUp(Day(60), Liver("L1", 60m), Lung("P1", 20m)) with { ExtrahepaticStatus = ExtrahepaticStatuses.Progressing });

        var progression = events.OfType<ProgressionDetected>().Single();
        Assert.Equal(ProgressionPatternNames.IntraAndExtrahepaticProgression, progression.Pattern);
        Assert.Equal("FAIL-1c", progression.FailureRuleId);
        Assert.True(progression.Findings.IntrahepaticGrowth);
        Assert.True(progression.Findings.ExtrahepaticGrowth);
    }

    [Fact]
    public void RESP_PROG_given_stable_liver_targets_when_a_lung_target_grows_then_extrahepatic_progression_only_without_a_FAIL_1_branch()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 40m), Lung("P1", 20m)));

        var progression = Study(ref state, FollowUp(Day(60), Liver("L1", 40m), Lung("P1", 32m))).OfType<ProgressionDetected>().Single();

        Assert.Equal(ProgressionPatternNames.ExtrahepaticProgressionOnly, progression.Pattern);
        Assert.Null(progression.FailureRuleId);
    }

    [Fact]
    public void Given_a_follow_up_without_one_target_when_assessed_then_NE_under_both_and_no_progression()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 40m), Lung("P1", 20m)));

        var events = Study(ref state, FollowUp(Day(60), Liver("L1", 40m)));

        Assert.Equal("NE", Response(events).Recist.Category);
        Assert.Empty(events.OfType<ProgressionDetected>());
    }

    [Fact]
    public void Given_a_study_marked_baseline_later_when_recorded_then_a_new_series_starts_and_follow_ups_compare_with_it()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 40m)));
        Study(ref state, FollowUp(Day(60), Liver("L1", 30m)));
        Study(ref state, Baseline(Day(90), Liver("L2", 20m)) with { IsBaseline = true });

        var response = Response(Study(ref state, FollowUp(Day(150), Liver("L2", 14m))));

        Assert.Equal(20m, response.Recist.BaselineSumMm);
        Assert.Equal("PR", response.Recist.Category);
    }
}
