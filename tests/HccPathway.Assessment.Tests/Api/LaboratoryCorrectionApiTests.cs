using System.Net;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class LaboratoryCorrectionApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-lab"));

    [Fact]
    public async Task A_corrected_sample_replaces_its_point_in_the_trend_and_one_entered_in_error_leaves_it_and_bad_corrections_append_nothing()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampleId = first, sampledOn = EnrolledOn.AddDays(20), afp = new { value = 60, unit = "ng/mL" } }).Ok();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampleId = second, sampledOn = EnrolledOn.AddDays(30), afp = new { value = 50, unit = "ng/mL" } }).Ok();

        await clinician.Post($"/pathways/{id}/tumour-markers/{first}/correction",
            new { sampledOn = EnrolledOn.AddDays(20), afp = new { value = 15, unit = "ng/mL" }, reason = "Transcribed from the wrong report" },
            ifMatch: await service.VersionOf(id)).Ok();
        await clinician.Post($"/pathways/{id}/tumour-markers/{second}/entered-in-error", new { reason = "Another patient's sample" }).Ok();

        var sample = Assert.Single((await clinician.Get($"/pathways/{id}/tumour-markers")).GetProperty("samples").EnumerateArray());
        Assert.Equal((first, 15m, "normalised"), (sample.GetProperty("sampleId").GetGuid(), sample.GetProperty("afpNanogramsPerMillilitre").GetDecimal(), sample.GetProperty("afpNormalisation").GetString()));
        await using (var session = service.Store.QuerySession())
        {
            var stream = await session.Events.FetchStreamAsync(id);
            Assert.Equal([typeof(TumourMarkersCorrected), typeof(TumourMarkersEnteredInError)], stream.TakeLast(2).Select(e => e.EventType));
            Assert.Equal(60m, stream.Select(e => e.Data).OfType<TumourMarkersRecorded>().First().Markers[0].Value);
        }

        var version = await service.VersionOf(id);
        var body = new { sampledOn = EnrolledOn.AddDays(20), afp = new { value = 15, unit = "ng/mL" }, reason = "again" };
        await (await clinician.Post($"/pathways/{id}/tumour-markers/{Guid.NewGuid()}/correction", body)).Problem(HttpStatusCode.NotFound);
        await (await clinician.Post($"/pathways/{id}/tumour-markers/{first}/correction", body, ifMatch: version - 1)).Problem(HttpStatusCode.Conflict);
        await (await clinician.Post($"/pathways/{id}/tumour-markers/{first}/correction", body with { reason = "" })).Problem(HttpStatusCode.BadRequest);
        await (await clinician.Post($"/pathways/{id}/tumour-markers/{second}/correction", body)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(version, await service.VersionOf(id));
    }

    [Fact]
    public async Task A_liver_function_assessment_is_corrected_and_entered_in_error_under_its_id_and_bad_corrections_append_nothing()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        var assessment = Guid.NewGuid();
        var values = new { assessmentId = assessment, assessedOn = EnrolledOn.AddDays(40), ecog = 1, icgR15Percent = 9m };
        await clinician.Post($"/pathways/{id}/liver-function", values).Ok();

        await clinician.Post($"/pathways/{id}/liver-function/{assessment}/correction",
            new { values = values with { ecog = 0 }, reason = "ECOG of the previous visit" }, ifMatch: await service.VersionOf(id)).Ok();

        await using (var session = service.Store.QuerySession())
        {
            var corrected = Assert.IsType<LiverFunctionCorrected>((await session.Events.FetchStreamAsync(id))[^1].Data);
            Assert.Equal((assessment, 0, "ECOG of the previous visit", "dr-lab"), (corrected.Corrected.AssessmentId, corrected.Corrected.Ecog, corrected.Reason, corrected.CorrectedBy));
        }

        var version = await service.VersionOf(id);
        await (await clinician.Post($"/pathways/{id}/liver-function/{Guid.NewGuid()}/entered-in-error", new { reason = "x" })).Problem(HttpStatusCode.NotFound);
        await (await clinician.Post($"/pathways/{id}/liver-function/{assessment}/entered-in-error", new { reason = " " })).Problem(HttpStatusCode.BadRequest);
        await (await clinician.Post($"/pathways/{id}/liver-function/{assessment}/correction", new { values = values with { ecog = 9 }, reason = "x" })).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(version, await service.VersionOf(id));

        await clinician.Post($"/pathways/{id}/liver-function/{assessment}/entered-in-error", new { reason = "Wrong patient" }, ifMatch: version).Ok();
        await (await clinician.Post($"/pathways/{id}/liver-function/{assessment}/correction", new { values, reason = "x" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(version + 1, await service.VersionOf(id));
    }
}
