using System.Text.Json;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;

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

/// <summary>A baseline weight corrected after enrolment: the history links the correction to the baseline, and the dose as of before and after differ.</summary>
public sealed class BaselineCorrectionReplayTests(AuditService service) : IClassFixture<AuditService>
{
    private readonly HttpClient auditor = service.Auditor();

    [Fact]
    public async Task SCHED_LEN_before_the_weight_was_corrected_the_plan_shows_12_mg_and_after_it_8_mg_with_the_pathway_still_in_conversion()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 5);
        var baselineId = (await auditor.History(id)).Items().Single(i => i.GetProperty("name").GetString() == "intake.baseline-assessed.v1")
            .GetProperty("eventId").GetGuid();
        var correctionId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        var corrected = story.Baseline() with { Measurements = story.Baseline().Measurements with { WeightKg = 52m } };
        await service.Append(id, "coordinator-1", false,
            new BaselineCorrected(id, baselineId, correctionId, corrected, 72m, true, "Weighed in clothes", "coordinator-1", at),
            story.Eligible() with { CausedBy = correctionId, DecidedAt = at });
        await service.Append(id, "scheduling-redose-lenvatinib", false,
            new TherapyItemRedosed(id, "LEN-1", TherapyItemTypes.LenvatinibStart, Drugs.Lenvatinib, Story.Day0, 12m, 8m, 52m, correctionId, "SCHED-LEN", Story.RuleSet, at));

        var history = (await auditor.History(id)).Items();
        var correction = history.Single(i => i.GetProperty("name").GetString() == "intake.baseline-corrected.v1");
        var redosed = history.Single(i => i.GetProperty("name").GetString() == "scheduling.therapy-item-redosed.v1");
        var decidedAgain = history.Last(i => i.GetProperty("name").GetString() == "intake.eligibility-decided.v1");
        Assert.Equal(baselineId, correction.GetProperty("data").GetProperty("BaselineId").GetGuid());
        Assert.Equal(correctionId, decidedAgain.GetProperty("data").GetProperty("CausedBy").GetGuid());
        Assert.Equal(correctionId, redosed.GetProperty("data").GetProperty("CausedBy").GetGuid());

        var lastBefore = history.Single(i => i.GetProperty("version").GetInt64() == correction.GetProperty("version").GetInt64() - 1);
        var before = await auditor.State(id, "asOf=" + lastBefore.Instant());
        var now = await auditor.State(id, "asOf=" + redosed.Instant());
        Assert.Equal(12m, before.GetProperty("regimen").GetProperty("plannedLenvatinibDailyDoseMg").GetDecimal());
        Assert.Equal(8m, now.GetProperty("regimen").GetProperty("plannedLenvatinibDailyDoseMg").GetDecimal());
        Assert.Equal("conversion-therapy", now.GetProperty("phase").GetString());
        Assert.Equal(decidedAgain.GetProperty("version").GetInt64(), now.GetProperty("eligibility").GetProperty("version").GetInt64());
        Assert.True(now.GetProperty("eligibility").GetProperty("eligible").GetBoolean());
    }
}
