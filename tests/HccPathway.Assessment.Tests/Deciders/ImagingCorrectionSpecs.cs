using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.Imaging;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>A study corrected or entered in error: new events, never edits, and the responses after it derived again.</summary>
public sealed class ImagingCorrectionSpecs
{
    private static readonly Guid CorrectionId = Guid.NewGuid();

    private static (AssessmentPathway State, Guid Baseline, Guid FollowUp) PartialResponse()
    {
        var state = Enrolled();
        var baseline = Response(Study(ref state, Baseline(Day(5), Liver("L1", 60m)))).StudyId;
        var followUp = Response(Study(ref state, FollowUp(Day(60), Liver("L1", 30m)))).StudyId;
        return (state, baseline, followUp);
    }

    private static CorrectImagingStudy.Request Reading(decimal l1, string? reason = "L1 measured on the wrong slice") =>
        new(Day(60), ImagingModalities.Ct, [Liver("L1", l1)], NonTargetStatuses.Absent, [], ExtrahepaticStatuses.None, reason);

    [Fact]
    public void Given_a_PR_study_when_its_measurement_is_corrected_then_it_is_assessed_again_as_SD_naming_the_correction()
    {
        var (state, _, followUp) = PartialResponse();

        var events = Accepted(CorrectImagingStudy.Decide(state, followUp, Reading(55m), CorrectionId, "dr-rad", Rules, Today, Now));

        var corrected = Assert.IsType<ImagingStudyCorrected>(events[0]);
        Assert.Equal((followUp, CorrectionId, "dr-rad", "L1 measured on the wrong slice"), (corrected.StudyId, corrected.CorrectionId, corrected.CorrectedBy, corrected.Reason));
        var reassessed = Response(events);
        Assert.Equal((followUp, "SD", "SD", (Guid?)CorrectionId), (reassessed.StudyId, reassessed.Recist.Category, reassessed.Recist.BestOverallResponse, reassessed.CausedBy));
        var after = state.After(CorrectImagingStudy.Decide(state, followUp, Reading(55m), CorrectionId, "dr-rad", Rules, Today, Now));
        Assert.Equal(55m, after.Series[^1].TargetLesions[0].DiameterMm);
        Assert.Equal("SD", after.Assessments[^1].Mrecist.Category);
    }

    [Fact]
    public void Given_a_corrected_baseline_when_decided_then_every_study_of_its_series_is_assessed_again()
    {
        var (state, baseline, followUp) = PartialResponse();
        var request = Reading(40m) with { StudyOn = Day(5) };

        var events = Accepted(CorrectImagingStudy.Decide(state, baseline, request, CorrectionId, "dr-rad", Rules, Today, Now));

        Assert.Equal([baseline, followUp], events.OfType<ResponseAssessed>().Select(r => r.StudyId));
        Assert.Equal("SD", events.OfType<ResponseAssessed>().Last().Recist.Category);
    }

    [Fact]
    public void Given_a_progressing_study_when_entered_in_error_then_its_response_and_progression_are_withdrawn_and_the_one_before_is_latest_again()
    {
        var (state, _, followUp) = PartialResponse();
        var pd = Response(Study(ref state, FollowUp(Day(120), Liver("L1", 30m)) with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L7")] })).StudyId;
        Assert.NotEmpty(state.Progressions);

        var decision = MarkImagingStudyEnteredInError.Decide(state, pd, new("Wrong patient"), CorrectionId, "dr-rad", Rules, Today, Now);

        var events = Accepted(decision);
        Assert.Equal([typeof(ImagingStudyEnteredInError), typeof(ResponseWithdrawn), typeof(ProgressionWithdrawn), typeof(ResponseAssessed)], events.Select(e => e.GetType()));
        Assert.All(events.OfType<ResponseWithdrawn>(), w => Assert.Equal((pd, CorrectionId), (w.StudyId, w.CausedBy)));
        Assert.Equal((followUp, (Guid?)CorrectionId), (Response(events).StudyId, Response(events).CausedBy));
        var after = state.After(decision);
        Assert.Equal([followUp], after.Assessments.Where(a => !a.IsBaseline).Select(a => a.StudyId));
        Assert.Empty(after.Progressions);
        Assert.Equal(Day(60), after.LatestStudyOn);
    }

    [Fact]
    public void Given_a_middle_study_entered_in_error_when_decided_then_the_later_study_is_assessed_again_without_it()
    {
        var (state, _, followUp) = PartialResponse();
        var last = Response(Study(ref state, FollowUp(Day(120), Liver("L1", 36m)))).StudyId;
        Assert.Equal("PD", state.Responses[last].Recist.Category); // +20 % and +6 mm from the nadir of 30 mm

        var events = Accepted(MarkImagingStudyEnteredInError.Decide(state, followUp, new("Duplicate upload"), CorrectionId, "dr-rad", Rules, Today, Now));

        var reassessed = events.OfType<ResponseAssessed>().Single(r => r.StudyId == last);
        Assert.Equal("PR", reassessed.Recist.Category); // 36 of 60 mm at baseline: −40 %
        Assert.Contains(events, e => e is ProgressionWithdrawn w && w.StudyId == last);
    }

    [Fact]
    public void Given_bad_corrections_when_decided_then_each_is_refused_with_its_kind()
    {
        var (state, baseline, followUp) = PartialResponse();

        Assert.Equal(RejectionKind.NotFound, CorrectImagingStudy.Decide(state, Guid.NewGuid(), Reading(50m), CorrectionId, "dr-rad", Rules, Today, Now).Rejection?.Kind);
        var missingReason = CorrectImagingStudy.Decide(state, followUp, Reading(50m, reason: " "), CorrectionId, "dr-rad", Rules, Today, Now).Rejection;
        Assert.Equal((RejectionKind.Invalid, true), (missingReason?.Kind, missingReason?.Errors?.ContainsKey("reason")));
        Assert.Equal(RejectionKind.Invalid, MarkImagingStudyEnteredInError.Decide(state, followUp, new(null), CorrectionId, "dr-rad", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, MarkImagingStudyEnteredInError.Decide(state, baseline, new("Wrong patient"), CorrectionId, "dr-rad", Rules, Today, Now).Rejection?.Kind);

        var withdrawn = state.After(MarkImagingStudyEnteredInError.Decide(state, followUp, new("Wrong patient"), CorrectionId, "dr-rad", Rules, Today, Now));
        Assert.Equal(RejectionKind.Conflict, CorrectImagingStudy.Decide(withdrawn, followUp, Reading(50m), CorrectionId, "dr-rad", Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, MarkImagingStudyEnteredInError.Decide(withdrawn, followUp, new("Again"), CorrectionId, "dr-rad", Rules, Today, Now).Rejection?.Kind);
    }
}
