using HccPathway.Audit.Events;
using HccPathway.Audit.Replay;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;

namespace HccPathway.Audit.Tests.Specs;

/// <summary>Corrections in the auditor's view: what was known before them, and after.</summary>
public sealed class CorrectionFoldSpecs
{
    private readonly Story story = new(Guid.NewGuid());

    private static FoldedEvent At(long version, object e) =>
        new(version, 100 + version, DateTimeOffset.UnixEpoch.AddMinutes(version), EventCatalog.Find(e.GetType())!.Name, e);

    [Fact]
    public void Given_an_open_adverse_event_when_corrected_then_entered_in_error_then_each_version_shows_what_was_known_then()
    {
        var reported = story.Grade3Hepatitis();
        var correctionId = Guid.NewGuid();
        var corrected = new AdverseEventCorrected(story.PathwayId, reported.AdverseEventId, correctionId, "Hepatitis", 2, reported.OnsetOn,
            true, reported.SuspectedDrugs, 2, "Graded from the wrong ALT", "dr-onc", DateTimeOffset.UnixEpoch);
        var marked = new AdverseEventEnteredInError(story.PathwayId, reported.AdverseEventId, Guid.NewGuid(), "Wrong patient", "dr-onc", DateTimeOffset.UnixEpoch);
        FoldedEvent[] events = [At(1, story.Registered()), At(2, reported), At(3, corrected), At(4, marked)];

        var beforeCorrection = PathwayFold.Fold(story.PathwayId, events.Take(2));
        var afterCorrection = PathwayFold.Fold(story.PathwayId, events.Take(3));
        var afterMarking = PathwayFold.Fold(story.PathwayId, events);

        Assert.Equal(reported.Grade, Assert.Single(beforeCorrection.OpenAdverseEvents).Grade);
        Assert.Equal(2, Assert.Single(afterCorrection.OpenAdverseEvents).Grade);
        Assert.Empty(afterMarking.OpenAdverseEvents);
    }

    [Fact]
    public void Given_a_response_assessed_again_for_an_earlier_study_after_a_correction_then_the_latest_response_stays_the_later_study()
    {
        var followUp = story.FollowUpResponse();
        var earlier = followUp with { StudyId = Guid.NewGuid(), StudyOn = followUp.StudyOn.AddDays(-30), CausedBy = Guid.NewGuid() };

        var state = PathwayFold.Fold(story.PathwayId, [At(1, story.Registered()), At(2, followUp), At(3, earlier)]);

        Assert.Equal(followUp.StudyId, state.LatestResponse!.StudyId);
    }
}
