using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.LiverFunction;
using HccPathway.Assessment.Pathways.Markers;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>Tumour marker samples and liver function assessments corrected or entered in error, and what is derived again.</summary>
public sealed class LaboratoryCorrectionSpecs
{
    private static readonly Guid CorrectionId = Guid.NewGuid();

    private static CorrectTumourMarkers.Correction Afp(decimal value, DateOnly on, string? reason = "Transcribed from the wrong report") =>
        new(on, new RecordTumourMarkers.MarkerValue(value, "ng/mL"), null, reason);

    private static Guid SampleOf(IReadOnlyList<object> events) => events.OfType<TumourMarkersRecorded>().Single().SampleId;

    [Fact]
    public void SCORE_AFPR_given_a_sample_corrected_then_it_is_compared_with_the_baseline_again_and_keeps_its_id()
    {
        var state = Enrolled();
        var sample = SampleOf(Markers(ref state, Day(20), 60m));

        var decision = CorrectTumourMarkers.Correct(state, sample, Afp(15m, Day(20)), CorrectionId, "dr-lab", Rules, Today, Now);

        var corrected = Assert.IsType<TumourMarkersCorrected>(Assert.Single(Accepted(decision)));
        Assert.Equal((sample, sample, CorrectionId), (corrected.SampleId, corrected.Corrected.SampleId, corrected.CorrectionId));
        Assert.Equal((15m, MarkerNormalisation.Normalised), (corrected.Corrected.Markers[0].Value, corrected.Corrected.Markers[0].Normalisation));
        Assert.Equal(AfpResponseStatuses.Responder, corrected.Corrected.AfpResponse!.Status);
        Assert.Equal(15m, Assert.Single(state.After(decision).Samples).Markers[0].Value);
    }

    [Fact]
    public void RESP_CCR_given_a_confirmed_cCR_when_its_normal_AFP_is_corrected_to_an_abnormal_value_then_the_cCR_is_lost_naming_the_sample()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 50m, 40m)));
        Study(ref state, FollowUp(Day(60), Liver("L1", 20m, 0m)));
        var sample = SampleOf(Markers(ref state, Day(60), 10m));
        Study(ref state, FollowUp(Day(62)) with { Modality = ImagingModalities.PetCt, TargetLesions = [] });
        Study(ref state, FollowUp(Day(62).AddMonths(3), Liver("L1", 18m, 0m)));
        Assert.NotNull(state.Ccr);

        var events = Accepted(CorrectTumourMarkers.Correct(state, sample, Afp(300m, Day(60)), CorrectionId, "dr-lab", Rules, Today, Now));

        var lost = events.OfType<ClinicalCompleteResponseLost>().Single();
        Assert.Equal(sample, lost.CauseEventId);
        Assert.Contains(lost.FailedCriteria, c => c.RuleId.StartsWith("RESP-CCR", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_bad_marker_corrections_then_404_409_and_400()
    {
        var state = Enrolled();
        var sample = SampleOf(Markers(ref state, Day(20), 60m));

        Assert.Equal(RejectionKind.NotFound, CorrectTumourMarkers.Correct(state, Guid.NewGuid(), Afp(15m, Day(20)), CorrectionId, "dr-lab", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(["reason"], CorrectTumourMarkers.Correct(state, sample, Afp(15m, Day(20), reason: null), CorrectionId, "dr-lab", Rules, Today, Now).Rejection?.Errors?.Keys);
        Assert.Equal(["afp.unit"], CorrectTumourMarkers.Correct(state, sample, Afp(15m, Day(20)) with { Afp = new(15m, "mmol/L") }, CorrectionId, "dr-lab", Rules, Today, Now).Rejection?.Errors?.Keys);

        var marked = state.After(CorrectTumourMarkers.MarkEnteredInError(state, sample, new("Another patient's sample"), CorrectionId, "dr-lab", Rules, Today, Now));
        Assert.Empty(marked.Samples);
        Assert.Equal(RejectionKind.Conflict, CorrectTumourMarkers.Correct(marked, sample, Afp(15m, Day(20)), CorrectionId, "dr-lab", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, CorrectTumourMarkers.MarkEnteredInError(marked, sample, new("Again"), CorrectionId, "dr-lab", Rules, Today, Now).Rejection?.Kind);
    }

    private static readonly RecordLiverFunction.Request Full = new(
        null, Day(90), 20m, 38m, 1.2m, "none", 0, 9m, 1, 700m, null, 38m, 30m, true, "AST/ALT normal");

    [Fact]
    public void SCORE_CP_given_a_liver_function_assessment_corrected_then_it_is_scored_again_under_its_id_and_bad_corrections_are_refused()
    {
        var id = Guid.NewGuid();
        var enrolled = Enrolled();
        var state = enrolled.After(RecordLiverFunction.Decide(enrolled, Full, id, "dr", Rules, Today, Now));

        var decision = CorrectLiverFunction.Correct(state, id, new(Full with { AlbuminGramsPerLitre = 30m }, "Albumin of the wrong day"), CorrectionId, "dr-hep", Rules, Today, Now);

        var corrected = Assert.IsType<LiverFunctionCorrected>(Assert.Single(Accepted(decision)));
        Assert.Equal((id, id, 30m), (corrected.AssessmentId, corrected.Corrected.AssessmentId, corrected.Corrected.ChildPugh!.AlbuminGramsPerLitre));
        Assert.Equal(6, corrected.Corrected.ChildPugh.Points);
        Assert.Equal(RejectionKind.NotFound, CorrectLiverFunction.Correct(state, Guid.NewGuid(), new(Full, "x"), CorrectionId, "dr-hep", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(["reason", "values.inr"], CorrectLiverFunction.Correct(state, id, new(Full with { Inr = null }, null), CorrectionId, "dr-hep", Rules, Today, Now).Rejection?.Errors?.Keys.Order());

        var marked = state.After(CorrectLiverFunction.MarkEnteredInError(state, id, new("Wrong patient"), CorrectionId, "dr-hep", Now));
        Assert.Equal(RejectionKind.Conflict, CorrectLiverFunction.Correct(marked, id, new(Full, "x"), CorrectionId, "dr-hep", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Invalid, CorrectLiverFunction.MarkEnteredInError(state, id, new(""), CorrectionId, "dr-hep", Now).Rejection?.Kind);
    }
}
