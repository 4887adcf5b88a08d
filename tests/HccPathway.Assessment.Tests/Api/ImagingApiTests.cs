using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Security;
using Marten;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class ImagingApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    [Fact]
    public async Task A_study_with_a_new_lesion_is_assessed_at_once_under_both_criteria_stored_in_the_stream_and_published_with_its_event_id()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);

        var baseline = await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m, 50m), Lung("P1", 20m)), ifMatch: 3).Ok();
        var followUp = await clinician.RecordStudy(id, FollowUp(AssessmentClient.Today.AddDays(-5), Liver("L1", 40m, 10m), Lung("P1", 20m))
            with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L7")] }).Ok();

        Assert.StartsWith($"/pathways/{id}/imaging/", baseline.Headers.Location!.OriginalString);
        var located = await clinician.Get(followUp.Headers.Location!.OriginalString);
        Assert.Equal("PD", located.GetProperty("mrecist").GetProperty("category").GetString());
        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        Assert.Equal(
            [typeof(PatientRegistered), typeof(BaselineAssessed), typeof(PatientEnrolled), typeof(ResponseAssessmentStarted),
             typeof(ImagingStudyRecorded), typeof(ResponseAssessed), typeof(ImagingStudyRecorded), typeof(ResponseAssessed), typeof(ProgressionDetected)],
            stream.Select(e => e.EventType));
        Assert.All(stream.Skip(3), e => Assert.Equal("dr-rad", e.UserName));

        var history = await clinician.Get($"/pathways/{id}/response");
        var rows = history.GetProperty("studies").EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        Assert.Equal("PD", rows[1].GetProperty("recist").GetProperty("category").GetString());
        Assert.Equal("PD: new lesion L7 (intrahepatic, liver)", rows[1].GetProperty("mrecist").GetProperty("reason").GetString());
        Assert.Equal(-25m, rows[1].GetProperty("recist").GetProperty("percentChangeFromBaseline").GetDecimal());
        Assert.Equal("new-lesion-others-stable", history.GetProperty("progressions")[0].GetProperty("pattern").GetString());

        foreach (var e in stream.Skip(3))
        {
            var message = await service.Subscriber.WaitFor(m => m.MessageId == e.Id);
            Assert.Equal(id.ToString(), message.Header(RelayHeaders.PathwayId));
            Assert.Equal(e.Version.ToString(), message.Header(RelayHeaders.StreamVersion));
            Assert.Equal(EventCatalog.Find(e.EventType)!.Name, message.Header(RelayHeaders.EventName));
        }

        var published = await service.Subscriber.WaitFor<ResponseAssessed>(m => m.MessageId == stream[7].Id);
        Assert.Equal("PD", published.Message.GetProperty("recist").GetProperty("bestOverallResponse").GetString());
    }

    [Fact]
    public async Task Bad_measurements_are_a_validation_problem_naming_each_field_and_append_nothing()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m))).Ok();
        var before = await service.VersionOf(id);

        var response = await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(2), Liver("L1", 30m, 35m), Liver("L9", -2m)));

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(
            ["studyOn", "targetLesions[0].viableDiameterMm", "targetLesions[1].diameterMm", "targetLesions[1].lesionId", "targetLesions[1].viableDiameterMm"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Null(response.Headers.Location);
        Assert.Equal(before, await service.VersionOf(id));
    }

    [Fact]
    public async Task A_study_before_enrolment_is_409_and_an_unknown_pathway_404_and_neither_appends()
    {
        var notEnrolled = await service.PathwayFromIntake(EnrolledOn, enrolled: false);

        await (await clinician.RecordStudy(notEnrolled, Baseline(EnrolledOn, Liver("L1", 60m)))).Problem(HttpStatusCode.Conflict);
        await (await clinician.RecordStudy(Guid.NewGuid(), Baseline(EnrolledOn, Liver("L1", 60m)))).Problem(HttpStatusCode.NotFound);
        Assert.Equal(2, await service.VersionOf(notEnrolled));
    }

    [Fact]
    public async Task A_stale_If_Match_is_409_and_appends_nothing()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m))).Ok();

        await (await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(40), Liver("L1", 50m)), ifMatch: 3)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(6, await service.VersionOf(id));
    }

    [Fact]
    public async Task Roles_are_enforced_anonymous_401_auditor_reads_but_cannot_record()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(5), Liver("L1", 60m))).Ok();
        var auditor = new AssessmentClient(service.Factory.ClientAs(Roles.Auditor, "auditor-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().GetAsync($"/pathways/{id}/response")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync($"/pathways/{id}/response")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.RecordStudy(id, FollowUp(EnrolledOn.AddDays(40), Liver("L1", 50m)))).StatusCode);
        Assert.Equal(6, await service.VersionOf(id));
    }

    [Fact]
    public async Task Markers_in_an_unknown_unit_are_400_naming_the_unit_and_a_valid_sample_joins_the_trend_with_its_AFP_response()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);

        var bad = await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = EnrolledOn.AddDays(20), afp = new { value = 12, unit = "mmol/L" } });
        var problem = await bad.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["afp.unit"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(3, await service.VersionOf(id));

        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = EnrolledOn.AddDays(20), afp = new { value = 60, unit = "ng/mL" } }).Ok();

        var trend = await clinician.Get($"/pathways/{id}/tumour-markers");
        Assert.Equal(400m, trend.GetProperty("baseline").GetProperty("afpNanogramsPerMillilitre").GetDecimal());
        var sample = Assert.Single(trend.GetProperty("samples").EnumerateArray());
        Assert.Equal("responder", sample.GetProperty("afpResponse").GetProperty("status").GetString());
        Assert.Equal(85m, sample.GetProperty("afpResponse").GetProperty("decreasePercent").GetDecimal());
        Assert.Equal("still-abnormal", sample.GetProperty("afpNormalisation").GetString());
    }
}
