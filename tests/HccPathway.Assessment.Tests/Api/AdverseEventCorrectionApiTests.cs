using System.Net;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class AdverseEventCorrectionApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-60);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-onc"));

    private async Task<(Guid Pathway, Guid AdverseEvent)> Grade3Hypertension()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        var reported = await clinician.Post($"/pathways/{id}/adverse-events", new
        {
            ctcaeTerm = "Hypertension", grade = 3, onsetOn = EnrolledOn.AddDays(20), treatmentRelated = true, suspectedDrugs = new[] { Drugs.Lenvatinib },
        }).Ok();
        return (id, Guid.Parse(reported.Headers.Location!.OriginalString.Split('/')[^1]));
    }

    private static object Grade2(string? reason = "Graded from the wrong blood pressure reading") => new
    {
        ctcaeTerm = "Hypertension", grade = 2, onsetOn = EnrolledOn.AddDays(20), treatmentRelated = true, suspectedDrugs = new[] { Drugs.Lenvatinib }, reason,
    };

    [Fact]
    public async Task A_corrected_grade_changes_the_list_and_is_published_while_the_report_stays_in_the_stream()
    {
        var (id, aeId) = await Grade3Hypertension();

        await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/correction", Grade2(), ifMatch: await service.VersionOf(id)).Ok();

        var item = await clinician.Get($"/pathways/{id}/adverse-events/{aeId}");
        Assert.Equal((2, 2), (item.GetProperty("grade").GetInt32(), item.GetProperty("maxGrade").GetInt32()));
        Assert.Equal(2, (await clinician.Get($"/pathways/{id}/adverse-events")).GetProperty("maxOpenGrade").GetInt32());
        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        Assert.Equal(3, stream.Select(e => e.Data).OfType<AdverseEventReported>().Single().Grade);
        var published = await service.Subscriber.WaitFor<AdverseEventCorrected>(m => m.MessageId == stream[^1].Id);
        Assert.Equal((aeId, 2, 2), (published.Message.GetProperty("adverseEventId").GetGuid(), published.Message.GetProperty("grade").GetInt32(), published.Message.GetProperty("currentGrade").GetInt32()));
        Assert.Equal("dr-onc", published.Message.GetProperty("correctedBy").GetString());
    }

    [Fact]
    public async Task An_event_entered_in_error_leaves_the_list_and_bad_corrections_are_404_409_400_and_append_nothing()
    {
        var (id, aeId) = await Grade3Hypertension();
        var version = await service.VersionOf(id);

        await (await clinician.Post($"/pathways/{id}/adverse-events/{Guid.NewGuid()}/correction", Grade2())).Problem(HttpStatusCode.NotFound);
        await (await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/correction", Grade2(), ifMatch: version - 1)).Problem(HttpStatusCode.Conflict);
        await (await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/correction", Grade2(reason: null))).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(version, await service.VersionOf(id));

        await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/entered-in-error", new { reason = "Reported on the wrong patient" }).Ok();

        Assert.Equal(0, (await clinician.Get($"/pathways/{id}/adverse-events?includeResolved=true")).GetProperty("items").GetArrayLength());
        var marked = await service.VersionOf(id);
        await (await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/correction", Grade2())).Problem(HttpStatusCode.Conflict);
        await (await clinician.Post($"/pathways/{id}/adverse-events/{aeId}/entered-in-error", new { reason = "Again" })).Problem(HttpStatusCode.Conflict);
        Assert.Equal(marked, await service.VersionOf(id));
    }
}
