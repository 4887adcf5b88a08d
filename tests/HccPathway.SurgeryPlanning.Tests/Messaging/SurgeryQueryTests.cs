using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>The surgery state read by the coordinator app: MDT decisions, the resection as far as it went, the post-resection list.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class SurgeryQueryTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_a_resection_scheduled_then_performed_when_read_then_the_patient_moves_onto_the_post_resection_list()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var notResected = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-read");
        var auditor = host.Service.ClientAs(Roles.Auditor, "auditor-read");

        var before = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/surgery");
        Assert.Equal(0, before.GetProperty("mdtDecisions").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("resection").ValueKind);

        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", new
        {
            outcome = MdtOutcomes.Resect, rationale = "Reviewed.", attendees = new[] { "surgeon" }, decidedOn = Today, intendedSurgeryOn = Today.AddDays(14),
        })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsJsonAsync($"/pathways/{id}/resection",
            new { scheduledOn = Today, procedure = "right hepatectomy", @override = new { reason = "MDT reviewed paper records." } })).StatusCode);

        var scheduled = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/surgery");
        Assert.Equal(MdtOutcomes.Resect, scheduled.GetProperty("mdtDecisions")[0].GetProperty("outcome").GetString());
        Assert.Equal(JsonValueKind.Null, scheduled.GetProperty("resection").GetProperty("performedOn").ValueKind);
        Assert.True(scheduled.GetProperty("resection").GetProperty("override").GetBoolean());

        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsJsonAsync($"/pathways/{id}/resection/outcome",
            new { performedOn = Today, margin = "R1", viableTumourPercent = 0 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.PostAsJsonAsync($"/pathways/{id}/adjuvant",
            new { durationMonths = 6, rationale = "Continue the regimen." })).StatusCode);

        var list = await auditor.GetFromJsonAsync<JsonElement>("/resections");
        var entry = list.EnumerateArray().Single(e => e.GetProperty("pathwayId").GetGuid() == id);
        Assert.Equal("R1", entry.GetProperty("resection").GetProperty("margin").GetString());
        Assert.Equal(Today, DateOnly.Parse(entry.GetProperty("resection").GetProperty("performedOn").GetString()!));
        Assert.True(entry.GetProperty("resection").GetProperty("pathologicalCompleteResponse").GetBoolean());
        Assert.True(entry.GetProperty("adjuvantDecided").GetBoolean());
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("pathwayId").GetGuid() == notResected);

        Assert.Equal(HttpStatusCode.NotFound, (await auditor.GetAsync($"/pathways/{Guid.NewGuid()}/surgery")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.Service.ClientAs(Roles.Scheduler).GetAsync("/resections")).StatusCode);
    }
}
