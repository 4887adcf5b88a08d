using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.Testing;
using Marten;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>Intake's PathwayExited, through the stream and RabbitMQ: the patient leaves the agenda and every command is refused.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class ExitedPathwayTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Given_an_exit_from_intake_then_the_MDT_agenda_drops_the_patient_readiness_closes_and_commands_are_409_appending_nothing()
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-mdt");
        Assert.Contains(await Agenda(clinician), i => i.GetProperty("pathwayId").GetGuid() == id);

        var exited = new PathwayExited(id, PathwayExitReason.TransferredToAnotherCentre, Today, "Transferred to North Liver Unit.", "dr-intake", DateTimeOffset.UtcNow);
        await using (var session = host.Store.LightweightSession())
        {
            session.Events.Append(id, exited);
            await session.SaveChangesAsync();
        }

        var length = await StreamLength(id);
        Guid eventId;
        await using (var query = host.Store.QuerySession())
        {
            eventId = (await query.Events.FetchStreamAsync(id))[^1].Id;
        }

        // Published twice, as a redelivery would: the consumer records it once and, readiness being closed, appends nothing.
        await host.Publish(exited, eventId);
        await host.Publish(exited, eventId);
        await Eventually.True(async () =>
        {
            await using var query = host.Store.QuerySession();
            return await query.LoadAsync<PatientChecklist>(id) is { Exit: not null };
        }, what: "the exit consumed");

        Assert.DoesNotContain(await Agenda(clinician), i => i.GetProperty("pathwayId").GetGuid() == id);
        var readiness = await clinician.GetFromJsonAsync<JsonElement>($"/pathways/{id}/readiness");
        Assert.Equal("closed", readiness.GetProperty("verdict").GetString());
        Assert.Equal("TransferredToAnotherCentre", readiness.GetProperty("closedBecause").GetString());
        var list = await clinician.GetFromJsonAsync<JsonElement>("/readiness");
        Assert.DoesNotContain(list.EnumerateArray(), e => e.GetProperty("pathwayId").GetGuid() == id);

        var mdt = await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", new
        {
            outcome = MdtOutcomes.ContinueConversion, rationale = "Reviewed.", attendees = new[] { "surgeon", "oncologist" }, decidedOn = Today,
        });
        Assert.Equal(HttpStatusCode.Conflict, mdt.StatusCode);
        Assert.Equal("PATHWAY-EXITED", (await mdt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("ruleId").GetString());
        var resection = await clinician.PostAsJsonAsync($"/pathways/{id}/resection", new { scheduledOn = Today.AddDays(7), procedure = "right hepatectomy" });
        Assert.Equal(HttpStatusCode.Conflict, resection.StatusCode);

        Assert.Equal(length, await StreamLength(id));
    }

    private static async Task<JsonElement[]> Agenda(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/mdt/agenda")).EnumerateArray().ToArray();

    private async Task<int> StreamLength(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }
}
