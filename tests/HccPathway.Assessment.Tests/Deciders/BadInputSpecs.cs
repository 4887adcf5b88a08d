using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.Imaging;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>Every refusal names the field; a refusal appends nothing (a Decision carries either events or a rejection).</summary>
public sealed class BadInputSpecs
{
    private static AssessmentPathway WithBaseline()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(10), Liver("L1", 40m), Lung("P1", 20m)));
        return state;
    }

    private static Rejection Refused(AssessmentPathway state, RecordImagingRequest request)
    {
        var decision = RecordImaging.Decide(state, request, Guid.NewGuid(), "dr-rad", Rules, Today, Now);
        Assert.Empty(decision.Events);
        return decision.Rejection!;
    }

    private static void AssertInvalid(Rejection rejection, params string[] fields)
    {
        Assert.Equal(RejectionKind.Invalid, rejection.Kind);
        Assert.Equal(fields.Order(), rejection.Errors!.Keys.Order());
    }

    [Fact]
    public void RESP_RECIST_given_six_targets_at_baseline_then_invalid_on_targetLesions()
    {
        var six = Enumerable.Range(1, 6).Select(i => new TargetLesionRequest($"T{i}", $"organ-{i}", false, 20m, 20m)).ToArray();

        AssertInvalid(Refused(Enrolled(), Baseline(Day(2), six)), "targetLesions");
    }

    [Fact]
    public void RESP_RECIST_given_three_targets_in_the_liver_at_baseline_then_invalid_on_targetLesions()
    {
        AssertInvalid(Refused(Enrolled(), Baseline(Day(2), Liver("L1", 20m), Liver("L2", 20m), Liver("L3", 20m))), "targetLesions");
    }

    [Fact]
    public void Given_a_follow_up_measuring_an_unknown_lesion_id_then_invalid_on_that_lesion()
    {
        AssertInvalid(Refused(WithBaseline(), FollowUp(Day(60), Liver("L1", 40m), Liver("L5", 20m))), "targetLesions[1].lesionId");
    }

    [Fact]
    public void Given_a_viable_diameter_larger_than_the_lesion_then_invalid_on_viableDiameterMm()
    {
        AssertInvalid(Refused(WithBaseline(), FollowUp(Day(60), Liver("L1", 30m, 31m), Lung("P1", 20m))), "targetLesions[0].viableDiameterMm");
    }

    [Fact]
    public void Given_a_negative_size_then_invalid_on_diameterMm()
    {
        AssertInvalid(Refused(WithBaseline(), FollowUp(Day(60), new TargetLesionRequest("L1", "liver", false, -1m, null), Lung("P1", 20m))), "targetLesions[0].diameterMm");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void Given_a_follow_up_dated_on_or_before_the_baseline_then_invalid_on_studyOn(int daysAfterBaseline)
    {
        AssertInvalid(Refused(WithBaseline(), FollowUp(Day(10 + daysAfterBaseline), Liver("L1", 40m), Lung("P1", 20m))), "studyOn");
    }

    [Fact]
    public void Given_a_study_dated_in_the_future_then_invalid_on_studyOn()
    {
        AssertInvalid(Refused(WithBaseline(), FollowUp(DateOnly.FromDateTime(Now.UtcDateTime).AddDays(2), Liver("L1", 40m), Lung("P1", 20m))), "studyOn");
    }

    [Fact]
    public void RESP_RECIST_given_a_target_node_under_15mm_at_baseline_then_the_clinical_rule_names_the_request_field()
    {
        AssertInvalid(Refused(Enrolled(), Baseline(Day(2), Liver("L1", 40m), Node("N1", 12m))), "targetLesions[1].diameterMm");
    }

    [Fact]
    public void Given_unknown_vocabulary_then_each_field_is_named()
    {
        var request = FollowUp(Day(60), Liver("L1", 40m), Lung("P1", 20m)) with { Modality = "x-ray", NonTargetStatus = "gone", ExtrahepaticStatus = null };

        AssertInvalid(Refused(WithBaseline(), request), "modality", "nonTargetStatus", "extrahepaticStatus");
    }

    [Fact]
    public void Given_a_new_lesion_reusing_a_target_id_then_invalid_on_that_new_lesion()
    {
        var request = FollowUp(Day(60), Liver("L1", 40m), Lung("P1", 20m)) with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L1")] };

        AssertInvalid(Refused(WithBaseline(), request), "newLesions[0].lesionId");
    }

    [Fact]
    public void Given_a_pathway_not_yet_enrolled_when_a_study_is_recorded_then_it_conflicts_and_nothing_starts()
    {
        var rejection = Refused(Registered(), Baseline(Day(2), Liver("L1", 40m)));

        Assert.Equal(RejectionKind.Conflict, rejection.Kind);
    }

    [Fact]
    public void Given_a_study_id_already_recorded_when_recorded_again_then_it_conflicts()
    {
        var state = Enrolled();
        var id = Guid.NewGuid();
        state = state.After(RecordImaging.Decide(state, Baseline(Day(2), Liver("L1", 40m)), id, "dr", Rules, Today, Now));

        Assert.Equal(RejectionKind.Conflict, RecordImaging.Decide(state, FollowUp(Day(60), Liver("L1", 40m)), id, "dr", Rules, Today, Now).Rejection!.Kind);
    }
}
