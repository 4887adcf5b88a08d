using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Intake.Tests.Api;

public sealed class ExitPathwayTests(IntakeService service) : IClassFixture<IntakeService>
{
    private readonly IntakeClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));
    private readonly IntakeClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-house"));

    [Fact]
    public async Task An_exit_is_appended_published_and_shown_in_the_summary_and_the_phase_list()
    {
        var id = await coordinator.RegisterNew();

        var response = await Exit(coordinator, id, "TransferredToAnotherCentre", IntakeClient.Today, "Transferred to North Liver Unit.");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var session = service.Store.QuerySession();
        var exited = Assert.IsType<PathwayExited>((await session.Events.FetchStreamAsync(id))[^1].Data);
        Assert.Equal((PathwayExitReason.TransferredToAnotherCentre, "coordinator-1"), (exited.Reason, exited.RecordedBy));
        await service.Subscriber.WaitFor<PathwayExited>(m => m.Message.GetProperty("pathwayId").GetGuid() == id);

        var summary = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        Assert.Equal("Exited", summary.GetProperty("phase").GetString());
        Assert.Equal("TransferredToAnotherCentre", summary.GetProperty("exitReason").GetString());
        Assert.Equal(IntakeClient.Today.ToString("yyyy-MM-dd"), summary.GetProperty("exitedOn").GetString());
        var exitedList = await coordinator.Http.GetFromJsonAsync<JsonElement>("/pathways?phase=Exited&pageSize=200");
        Assert.Contains(exitedList.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task After_an_exit_every_later_command_is_409_PATHWAY_EXITED_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();
        Assert.Equal(HttpStatusCode.OK, (await Exit(clinician, id, "Died", IntakeClient.Today, "Died in hospital.")).StatusCode);

        var refused = new[]
        {
            await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today)),
            await coordinator.DecideEligibility(id),
            await clinician.Enrol(id),
            await clinician.Http.PostAsJsonAsync($"/pathways/{id}/enrolment-declined", new { reason = "Too late." }),
            await Exit(coordinator, id, "LostToFollowUp", IntakeClient.Today, "Second exit."),
        };

        foreach (var response in refused)
        {
            var problem = await response.Problem(HttpStatusCode.Conflict);
            Assert.Equal("PATHWAY-EXITED", problem.GetProperty("ruleId").GetString());
        }

        Assert.Equal(2, await VersionOf(id));
    }

    [Fact]
    public async Task An_exit_dated_before_the_referral_is_400_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();

        var problem = await (await Exit(coordinator, id, "Died", IntakeClient.Today.AddDays(-1), "Died.")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["exitedOn"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, await VersionOf(id));
    }

    [Fact]
    public async Task An_exit_without_reason_or_detail_is_400_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();

        var problem = await (await Exit(coordinator, id, "Retired", IntakeClient.Today, "")).Problem(HttpStatusCode.BadRequest);

        Assert.Equal(["detail", "reason"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(1, await VersionOf(id));
    }

    [Fact]
    public async Task An_auditor_cannot_record_an_exit()
    {
        var id = await coordinator.RegisterNew();
        var auditor = new IntakeClient(service.Factory.ClientAs(Roles.Auditor, "auditor-1"));

        Assert.Equal(HttpStatusCode.Forbidden, (await Exit(auditor, id, "Died", IntakeClient.Today, "Died.")).StatusCode);
        Assert.Equal(1, await VersionOf(id));
    }

    private static Task<HttpResponseMessage> Exit(IntakeClient client, Guid id, string reason, DateOnly exitedOn, string detail) =>
        client.Http.PostAsJsonAsync($"/pathways/{id}/exit", new { reason, exitedOn, detail });

    private async Task<long> VersionOf(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
