using System.Net;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Intake;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace HccPathway.Audit.Tests.Api;

/// <summary>A patient who left the pathway, as the auditor sees it: in the replay, the history and the FHIR export.</summary>
public sealed class FhirExportExitTests(AuditService service) : IClassFixture<AuditService>
{
    private static readonly DateOnly DiedOn = Story.Day0.AddDays(60);

    private async Task<Guid> StoryEndingInDeath()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 10);
        await service.Append(story.PathwayId, "dr-house", false,
            new PathwayExited(story.PathwayId, PathwayExitReason.Died, DiedOn, "Died of liver failure.", "dr-house", DateTimeOffset.UtcNow));
        return story.PathwayId;
    }

    private static async Task<Bundle> Export(HttpClient client, Guid id, string query = "")
    {
        var response = await client.GetAsync($"/pathways/{id}/fhir{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Strict: unknown elements, wrong cardinalities or malformed primitives fail the parse.
        return FhirJsonDeserializer.STRICT.Deserialize<Bundle>(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_death_revokes_the_care_plan_on_its_date_and_marks_the_patient_deceased_dated_only_with_the_identity()
    {
        var id = await StoryEndingInDeath();

        var pseudonymised = await Export(service.Auditor(), id);
        var identified = await Export(service.AuditorWithIdentityPermission(), id, "?identity=true");

        var plan = Assert.Single(pseudonymised.Entry.Select(e => e.Resource).OfType<CarePlan>());
        Assert.Equal(RequestStatus.Revoked, plan.Status);
        Assert.Equal(DiedOn.ToString("yyyy-MM-dd"), plan.Period!.End);
        Assert.Contains("Died", Assert.Single(plan.Note).Text);
        Assert.Equal(true, Assert.IsType<FhirBoolean>(Assert.Single(pseudonymised.Entry.Select(e => e.Resource).OfType<Patient>()).Deceased).Value);
        var named = Assert.Single(identified.Entry.Select(e => e.Resource).OfType<Patient>());
        Assert.Equal(DiedOn.ToString("yyyy-MM-dd"), Assert.IsType<FhirDateTime>(named.Deceased).Value);
    }

    [Fact]
    public async Task A_transfer_revokes_the_care_plan_but_the_patient_is_not_deceased()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 10);
        await service.Append(story.PathwayId, "coordinator-1", false,
            new PathwayExited(story.PathwayId, PathwayExitReason.TransferredToAnotherCentre, DiedOn, "Transferred to North Liver Unit.", "coordinator-1", DateTimeOffset.UtcNow));

        var bundle = await Export(service.AuditorWithIdentityPermission(), story.PathwayId, "?identity=true");

        Assert.Equal(RequestStatus.Revoked, Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<CarePlan>()).Status);
        Assert.Null(Assert.Single(bundle.Entry.Select(e => e.Resource).OfType<Patient>()).Deceased);
    }

    [Fact]
    public async Task The_replay_shows_the_exit_with_its_reason_and_the_history_lists_it()
    {
        var id = await StoryEndingInDeath();

        var replay = await service.Auditor().State(id);
        var history = await service.Auditor().History(id);

        Assert.Equal("exited", replay.GetProperty("phase").GetString());
        Assert.Equal("Died", replay.GetProperty("exit").GetProperty("reason").GetString());
        Assert.Equal(DiedOn.ToString("yyyy-MM-dd"), replay.GetProperty("exit").GetProperty("exitedOn").GetString());
        var last = history.Items()[^1];
        Assert.Equal("intake.pathway-exited.v1", last.GetProperty("name").GetString());
        Assert.Equal("Died", last.GetProperty("data").GetProperty("Reason").GetString());
    }
}
