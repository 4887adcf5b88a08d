using System.Text.Json;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Assessment;

namespace HccPathway.Audit.Tests.Api;

/// <summary>A study entered in error: the history keeps both, and the state as of before it shows what was known then.</summary>
public sealed class CorrectionReplayTests(AuditService service) : IClassFixture<AuditService>
{
    private readonly HttpClient auditor = service.Auditor();

    [Fact]
    public async Task The_state_before_a_study_was_entered_in_error_shows_its_response_and_after_it_does_not()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story);
        var correctionId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await service.Append(id, "dr-rad", false,
            new ImagingStudyEnteredInError(id, story.FollowUpStudyId, correctionId, "Another patient's scan", "dr-rad", at),
            new ResponseWithdrawn(id, story.FollowUpStudyId, Story.Day0.AddDays(60), correctionId, at));

        var history = (await auditor.History(id)).Items();
        var marked = history.Single(i => i.GetProperty("name").GetString() == "assessment.imaging-study-entered-in-error.v1");
        var withdrawn = history.Single(i => i.GetProperty("name").GetString() == "assessment.response-withdrawn.v1");
        var original = history.Last(i => i.GetProperty("name").GetString() == "assessment.response-assessed.v1");
        Assert.Equal(story.FollowUpStudyId, marked.GetProperty("data").GetProperty("StudyId").GetGuid());
        Assert.Equal(correctionId, withdrawn.GetProperty("data").GetProperty("CausedBy").GetGuid());
        Assert.Equal(story.FollowUpStudyId, original.GetProperty("data").GetProperty("StudyId").GetGuid());

        var lastBefore = history.Single(i => i.GetProperty("version").GetInt64() == marked.GetProperty("version").GetInt64() - 1);
        var before = await auditor.State(id, "asOf=" + lastBefore.Instant());
        var now = await auditor.State(id, "asOf=" + withdrawn.Instant());
        Assert.Equal(story.FollowUpStudyId, before.GetProperty("latestResponse").GetProperty("studyId").GetGuid());
        Assert.Equal("PR", before.GetProperty("latestResponse").GetProperty("mrecistCategory").GetString());
        Assert.Equal(JsonValueKind.Null, now.GetProperty("latestResponse").ValueKind);
        Assert.Equal(withdrawn.GetProperty("version").GetInt64(), now.GetProperty("version").GetInt64());
    }
}
