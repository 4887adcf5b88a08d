using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Intake.Tests.Api;

public sealed class IntakeApiTests(IntakeService service) : IClassFixture<IntakeService>
{
    private readonly IntakeClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));
    private readonly IntakeClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-house"));

    [Fact]
    public async Task Register_baseline_eligibility_enrol_appends_the_stream_and_publishes_each_event_with_its_id()
    {
        var id = await coordinator.RegisterNew();
        var baseline = await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today), ifMatch: 1);
        Assert.Equal(HttpStatusCode.OK, baseline.StatusCode);
        Assert.Equal(2, baseline.ETagVersion());
        Assert.Equal(3, (await coordinator.DecideEligibility(id, ifMatch: 2)).ETagVersion());
        var enrolled = await clinician.Enrol(id, ifMatch: 3);
        Assert.Equal(HttpStatusCode.OK, enrolled.StatusCode);

        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        Assert.Equal(
            [typeof(PatientRegistered), typeof(BaselineAssessed), typeof(EligibilityDecided), typeof(PatientEnrolled)],
            stream.Select(e => e.EventType));
        Assert.Equal(["coordinator-1", "coordinator-1", "coordinator-1", "dr-house"], stream.Select(e => e.UserName));
        Assert.All(stream, e => Assert.False(string.IsNullOrEmpty(e.CorrelationId)));
        Assert.All(stream, e => Assert.False(string.IsNullOrEmpty(e.CausationId)));
        Assert.All(stream, e => Assert.Equal(Owners.Intake, e.Headers?[PathwayService.Header]?.ToString()));
        Assert.True(Assert.IsType<EligibilityDecided>(stream[2].Data).Eligible);

        foreach (var e in stream)
        {
            var message = await service.Subscriber.WaitFor(m => m.MessageId == e.Id);
            Assert.Equal(id.ToString(), message.Header(RelayHeaders.PathwayId));
            Assert.Equal(e.Version.ToString(), message.Header(RelayHeaders.StreamVersion));
            Assert.Equal(e.Sequence.ToString(), message.Header(RelayHeaders.GlobalSequence));
            Assert.Equal(EventCatalog.Find(e.EventType)!.Name, message.Header(RelayHeaders.EventName));
            Assert.Equal(id, message.Message.GetProperty("pathwayId").GetGuid());
        }

        var summary = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        Assert.Equal("Enrolled", summary.GetProperty("phase").GetString());
        Assert.Equal(["ELIG-2"], summary.GetProperty("eligibilityRules").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public async Task An_incomplete_baseline_is_a_validation_problem_naming_each_field_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();

        var response = await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today) with { Inr = null, Ecog = null });

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Equal(["ecog", "inr"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(1, await VersionOf(id));
    }

    [Fact]
    public async Task An_implausible_value_is_rejected_by_the_clinical_rules_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();

        var response = await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today) with { Inr = 0m });

        var problem = await response.Problem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), p => p.Name.Contains("inr", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await VersionOf(id));
    }

    [Fact]
    public async Task An_unknown_pathway_is_404_problem_details()
    {
        var response = await coordinator.RecordBaseline(Guid.NewGuid(), Baselines.ResectableWithPvtt(IntakeClient.Today));

        await response.Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Enrolling_an_ineligible_patient_is_409_with_the_rule_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();
        await coordinator.RecordBaseline(id, Baselines.PoorPerformanceStatus(IntakeClient.Today));
        await coordinator.DecideEligibility(id);

        var problem = await (await clinician.Enrol(id)).Problem(HttpStatusCode.Conflict);

        Assert.Equal("ELIG-X", problem.GetProperty("ruleId").GetString());
        Assert.Equal(3, await VersionOf(id));
    }

    [Fact]
    public async Task Enrolling_twice_is_409()
    {
        var id = await EligiblePatient();
        Assert.Equal(HttpStatusCode.OK, (await clinician.Enrol(id)).StatusCode);

        await (await clinician.Enrol(id)).Problem(HttpStatusCode.Conflict);
        Assert.Equal(4, await VersionOf(id));
    }

    [Fact]
    public async Task Two_writers_with_the_same_expected_version_one_wins_and_the_other_gets_409()
    {
        var id = await coordinator.RegisterNew();
        var request = Baselines.ResectableWithPvtt(IntakeClient.Today);

        var responses = await Task.WhenAll(
            coordinator.RecordBaseline(id, request, ifMatch: 1),
            coordinator.RecordBaseline(id, request, ifMatch: 1));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(2, await VersionOf(id));
    }

    [Fact]
    public async Task A_stale_If_Match_is_409_and_a_malformed_one_is_400()
    {
        var id = await coordinator.RegisterNew();
        await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today), ifMatch: 1);

        await (await coordinator.DecideEligibility(id, ifMatch: 1)).Problem(HttpStatusCode.Conflict);
        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/pathways/{id}/eligibility");
        malformed.Headers.TryAddWithoutValidation("If-Match", "\"two\"");
        await (await coordinator.Http.SendAsync(malformed)).Problem(HttpStatusCode.BadRequest);
        Assert.Equal(2, await VersionOf(id));
    }

    [Fact]
    public async Task Roles_are_enforced_anonymous_401_coordinator_cannot_enrol_auditor_reads_but_cannot_write()
    {
        var id = await EligiblePatient();
        var anonymous = service.Factory.CreateClient();
        var auditor = new IntakeClient(service.Factory.ClientAs(Roles.Auditor, "auditor-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/pathways/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Enrol(id)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Register()).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync($"/pathways/{id}")).StatusCode);
        Assert.Equal(3, await VersionOf(id));
    }

    [Fact]
    public async Task The_coordinator_list_filters_by_phase()
    {
        var enrolled = await EligiblePatient();
        await clinician.Enrol(enrolled);
        var registered = await coordinator.RegisterNew();

        var enrolledPage = await coordinator.Http.GetFromJsonAsync<JsonElement>("/pathways?phase=Enrolled&pageSize=200");
        var registeredPage = await coordinator.Http.GetFromJsonAsync<JsonElement>("/pathways?phase=Registered&pageSize=200");

        var enrolledIds = enrolledPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        var registeredIds = registeredPage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(enrolled, enrolledIds);
        Assert.DoesNotContain(registered, enrolledIds);
        Assert.Contains(registered, registeredIds);
    }

    private async Task<Guid> EligiblePatient()
    {
        var id = await coordinator.RegisterNew();
        await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today));
        await coordinator.DecideEligibility(id);
        return id;
    }

    private async Task<long> VersionOf(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
