using System.Net;
using HccPathway.Assessment.Pathways;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using Npgsql;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class ImagingCorrectionApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    private async Task<(Guid Pathway, Guid Baseline, Guid FollowUp)> BaselineAndPartialResponse()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        var baseline = await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m))).Ok();
        var followUp = await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(40), Liver("L1", 30m))).Ok();
        return (id, StudyIdOf(baseline), StudyIdOf(followUp));
    }

    private static Guid StudyIdOf(HttpResponseMessage response) => Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[^1]);

    private static object Reading(DateOnly on, decimal l1, string? reason = "Measured on the wrong slice") => new
    {
        studyOn = on, modality = ImagingModalities.Ct, targetLesions = new[] { new { lesionId = "L1", diameterMm = l1, viableDiameterMm = l1 } },
        nonTargetStatus = NonTargetStatuses.Absent, newLesions = Array.Empty<object>(), extrahepaticStatus = ExtrahepaticStatuses.None, reason,
    };

    [Fact]
    public async Task A_progressing_study_entered_in_error_loses_its_response_and_progression_and_the_stream_names_the_correction()
    {
        var (id, _, followUp) = await BaselineAndPartialResponse();
        var pd = StudyIdOf(await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(50), Liver("L1", 30m))
            with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L7")] }).Ok());
        Assert.Single((await clinician.Get($"/pathways/{id}/response")).GetProperty("progressions").EnumerateArray());

        await clinician.Post($"/pathways/{id}/imaging/{pd}/entered-in-error", new { reason = "Another patient's scan" }).Ok();

        var history = await clinician.Get($"/pathways/{id}/response");
        Assert.Equal([false, false], history.GetProperty("studies").EnumerateArray().Select(r => r.GetProperty("studyId").GetGuid() == pd));
        Assert.Empty(history.GetProperty("progressions").EnumerateArray());
        Assert.Equal("PR", history.GetProperty("bestOverallMrecist").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.Http.GetAsync($"/pathways/{id}/imaging/{pd}")).StatusCode);

        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        var marked = Assert.IsType<ImagingStudyEnteredInError>(stream[^4].Data);
        Assert.Equal((pd, "Another patient's scan", "dr-rad"), (marked.StudyId, marked.Reason, marked.MarkedBy));
        Assert.Equal(marked.CorrectionId, Assert.IsType<ResponseWithdrawn>(stream[^3].Data).CausedBy);
        Assert.Equal(marked.CorrectionId, Assert.IsType<ProgressionWithdrawn>(stream[^2].Data).CausedBy);
        var reassessed = Assert.IsType<ResponseAssessed>(stream[^1].Data);
        Assert.Equal((followUp, (Guid?)marked.CorrectionId), (reassessed.StudyId, reassessed.CausedBy));

        var published = await service.Subscriber.WaitFor<ResponseWithdrawn>(m => m.MessageId == stream[^3].Id);
        Assert.Equal(pd, published.Message.GetProperty("studyId").GetGuid());
    }

    [Fact]
    public async Task A_corrected_measurement_changes_the_response_row_and_the_original_stays_in_the_stream()
    {
        var (id, _, followUp) = await BaselineAndPartialResponse();

        await clinician.Post($"/pathways/{id}/imaging/{followUp}/correction", Reading(EnrolledOn.AddDays(40), 55m), ifMatch: await service.VersionOf(id)).Ok();

        var row = await clinician.Get($"/pathways/{id}/imaging/{followUp}");
        Assert.Equal("SD", row.GetProperty("recist").GetProperty("category").GetString());
        Assert.Equal(55m, row.GetProperty("recist").GetProperty("sumMm").GetDecimal());
        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        Assert.Equal(30m, stream.Select(e => e.Data).OfType<ImagingStudyRecorded>().Single(s => s.StudyId == followUp).TargetLesions[0].DiameterMm);
        Assert.Equal([typeof(ImagingStudyCorrected), typeof(ResponseAssessed)], stream.TakeLast(2).Select(e => e.EventType));
    }

    [Fact]
    public async Task Bad_corrections_are_404_409_and_400_and_append_nothing()
    {
        var (id, _, followUp) = await BaselineAndPartialResponse();
        var version = await service.VersionOf(id);

        await (await clinician.Post($"/pathways/{id}/imaging/{Guid.NewGuid()}/correction", Reading(EnrolledOn.AddDays(40), 50m))).Problem(HttpStatusCode.NotFound);
        await (await clinician.Post($"/pathways/{id}/imaging/{followUp}/correction", Reading(EnrolledOn.AddDays(40), 50m), ifMatch: version - 1)).Problem(HttpStatusCode.Conflict);
        var missingReason = await (await clinician.Post($"/pathways/{id}/imaging/{followUp}/correction", Reading(EnrolledOn.AddDays(40), 50m, reason: null))).Problem(HttpStatusCode.BadRequest);
        Assert.True(missingReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await clinician.Post($"/pathways/{id}/imaging/{followUp}/entered-in-error", new { reason = "" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(version, await service.VersionOf(id));

        await clinician.Post($"/pathways/{id}/imaging/{followUp}/entered-in-error", new { reason = "Duplicate upload" }).Ok();
        var afterMark = await service.VersionOf(id);
        await (await clinician.Post($"/pathways/{id}/imaging/{followUp}/correction", Reading(EnrolledOn.AddDays(40), 50m))).Problem(HttpStatusCode.Conflict);
        await (await clinician.Post($"/pathways/{id}/imaging/{followUp}/entered-in-error", new { reason = "Again" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(afterMark, await service.VersionOf(id));
    }

    [Fact]
    public async Task A_stream_stored_before_responses_named_a_cause_still_folds_and_can_be_corrected()
    {
        var (id, _, followUp) = await BaselineAndPartialResponse();
        var infrastructure = await Infrastructure.GetAsync();
        await using (var connection = new NpgsqlConnection(infrastructure.Postgres))
        {
            await connection.OpenAsync();
            await using var strip = new NpgsqlCommand(
                $"update {service.Factory.Schemas.Events}.mt_events set data = data - 'causedBy' - 'CausedBy' where stream_id = $1", connection);
            strip.Parameters.Add(new NpgsqlParameter { Value = id });
            Assert.True(await strip.ExecuteNonQueryAsync() > 0);
            await using var check = new NpgsqlCommand(
                $"select count(*) from {service.Factory.Schemas.Events}.mt_events where stream_id = $1 and (data ? 'causedBy' or data ? 'CausedBy')", connection);
            check.Parameters.Add(new NpgsqlParameter { Value = id });
            Assert.Equal(0L, await check.ExecuteScalarAsync());
        }

        await using (var session = service.Store.QuerySession())
        {
            var folded = await session.Events.AggregateStreamAsync<AssessmentPathway>(id);
            Assert.Equal("PR", folded!.Assessments[^1].Recist.Category);
            Assert.Null(folded.Assessments[^1].CausedBy);
        }

        await clinician.Post($"/pathways/{id}/imaging/{followUp}/correction", Reading(EnrolledOn.AddDays(40), 55m)).Ok();
        Assert.Equal("SD", (await clinician.Get($"/pathways/{id}/imaging/{followUp}")).GetProperty("recist").GetProperty("category").GetString());
    }
}
