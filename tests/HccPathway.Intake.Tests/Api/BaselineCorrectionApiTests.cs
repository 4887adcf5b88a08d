using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Intake.Tests.Api;

public sealed class BaselineCorrectionApiTests(IntakeService service) : IClassFixture<IntakeService>
{
    private readonly IntakeClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));
    private readonly IntakeClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-house"));

    [Fact]
    public async Task Correcting_an_enrolled_patients_weight_appends_the_correction_and_eligibility_naming_it_and_publishes_the_correction()
    {
        var id = await EnrolledPatient();
        var baselineId = await coordinator.BaselineId(id);

        var response = await coordinator.CorrectBaseline(
            id, baselineId, Baselines.ResectableWithPvtt(IntakeClient.Today) with { WeightKg = 52m }, "weighed in clothes; 52 kg", ifMatch: 4);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(6, response.ETagVersion());
        await using var session = service.Store.QuerySession();
        var stream = await session.Events.FetchStreamAsync(id);
        var corrected = Assert.IsType<BaselineCorrected>(stream[4].Data);
        Assert.Equal(baselineId, corrected.BaselineId);
        Assert.Equal(stream[1].Id, baselineId);
        Assert.Equal(72m, corrected.PreviousWeightKg);
        Assert.Equal("coordinator-1", corrected.CorrectedBy);
        Assert.Equal(corrected.CorrectionId, Assert.IsType<EligibilityDecided>(stream[5].Data).CausedBy);

        var message = await service.Subscriber.WaitFor<BaselineCorrected>(m => m.MessageId == stream[4].Id);
        Assert.Equal(52m, decimal.Parse(message.Message.GetProperty("corrected").GetProperty("measurements").GetProperty("weightKg").ToString(), CultureInfo.InvariantCulture));
        var summary = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        Assert.Equal("Enrolled", summary.GetProperty("phase").GetString());
        Assert.Equal(52m, decimal.Parse(summary.GetProperty("baselineWeightKg").ToString(), CultureInfo.InvariantCulture));
        Assert.True(summary.GetProperty("eligible").GetBoolean());
    }

    [Fact]
    public async Task An_unknown_baseline_id_is_404_and_appends_nothing()
    {
        var id = await EnrolledPatient();

        await (await coordinator.CorrectBaseline(id, Guid.NewGuid(), Baselines.ResectableWithPvtt(IntakeClient.Today), "typo"))
            .Problem(HttpStatusCode.NotFound);
        await (await coordinator.MarkBaselineEnteredInError(id, Guid.NewGuid(), "typo")).Problem(HttpStatusCode.NotFound);
        Assert.Equal(4, await VersionOf(id));
    }

    [Fact]
    public async Task A_stale_If_Match_is_409_and_appends_nothing()
    {
        var id = await EnrolledPatient();
        var baselineId = await coordinator.BaselineId(id);

        await (await coordinator.CorrectBaseline(id, baselineId, Baselines.ResectableWithPvtt(IntakeClient.Today) with { WeightKg = 52m }, "typo", ifMatch: 3))
            .Problem(HttpStatusCode.Conflict);
        Assert.Equal(4, await VersionOf(id));
    }

    [Fact]
    public async Task A_missing_reason_is_400_naming_the_field_and_appends_nothing()
    {
        var id = await EnrolledPatient();
        var baselineId = await coordinator.BaselineId(id);

        var problem = await (await coordinator.CorrectBaseline(id, baselineId, Baselines.ResectableWithPvtt(IntakeClient.Today), reason: null))
            .Problem(HttpStatusCode.BadRequest);

        Assert.Contains(problem.GetProperty("errors").EnumerateObject(), p => p.Name == "reason");
        Assert.Equal(4, await VersionOf(id));
    }

    [Fact]
    public async Task Correcting_a_baseline_already_entered_in_error_is_409_and_appends_nothing()
    {
        var id = await coordinator.RegisterNew();
        await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today));
        var baselineId = await coordinator.BaselineId(id);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.MarkBaselineEnteredInError(id, baselineId, "recorded on the wrong patient")).StatusCode);
        var summary = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/pathways/{id}");
        Assert.Equal("Registered", summary.GetProperty("phase").GetString());

        await (await coordinator.CorrectBaseline(id, baselineId, Baselines.ResectableWithPvtt(IntakeClient.Today), "typo")).Problem(HttpStatusCode.Conflict);
        await (await coordinator.MarkBaselineEnteredInError(id, baselineId, "again")).Problem(HttpStatusCode.Conflict);
        Assert.Equal(3, await VersionOf(id));
    }

    [Fact]
    public async Task Entering_an_enrolled_patients_baseline_in_error_is_409_and_appends_nothing()
    {
        var id = await EnrolledPatient();

        await (await coordinator.MarkBaselineEnteredInError(id, await coordinator.BaselineId(id), "wrong patient")).Problem(HttpStatusCode.Conflict);
        Assert.Equal(4, await VersionOf(id));
    }

    private async Task<Guid> EnrolledPatient()
    {
        var id = await coordinator.RegisterNew();
        await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today));
        await coordinator.DecideEligibility(id);
        Assert.Equal(HttpStatusCode.OK, (await clinician.Enrol(id)).StatusCode);
        return id;
    }

    private async Task<long> VersionOf(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }
}
