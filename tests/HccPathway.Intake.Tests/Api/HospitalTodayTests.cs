using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Intake.Pathways.Registering;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HccPathway.Intake.Tests.Api;

/// <summary>
/// Two hospitals on either side of the date line share the service: at 20:00 UTC on 7 December it is already the 8th
/// in Auckland and still the 7th in Los Angeles, so the 8th is today for one and the future for the other.
/// </summary>
public sealed class HospitalTodayTests(HospitalsInTwoZones service) : IClassFixture<HospitalsInTwoZones>
{
    private static readonly DateOnly AucklandToday = new(2026, 12, 8);
    private static readonly DateOnly LosAngelesToday = new(2026, 12, 7);

    [Fact]
    public async Task Given_the_same_instant_when_each_hospital_registers_a_referral_dated_the_8th_then_Auckland_accepts_it_and_Los_Angeles_refuses_it_as_future()
    {
        var auckland = service.Factory.ClientAs(Roles.Coordinator, "coordinator-nz", HospitalsInTwoZones.Auckland);
        var losAngeles = service.Factory.ClientAs(Roles.Coordinator, "coordinator-us", HospitalsInTwoZones.LosAngeles);

        var accepted = await Register(auckland, AucklandToday);
        var losAngelesEvents = await EventsOf(HospitalsInTwoZones.LosAngeles);
        var refused = await Register(losAngeles, AucklandToday);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var problem = await refused.Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("referralDate", out _));
        Assert.Equal(losAngelesEvents, await EventsOf(HospitalsInTwoZones.LosAngeles));
        Assert.Equal(HttpStatusCode.Created, (await Register(losAngeles, LosAngelesToday)).StatusCode);
    }

    [Fact]
    public async Task Given_an_eligible_patient_in_Los_Angeles_when_enrolled_on_Aucklands_today_then_400_and_nothing_appended_and_on_its_own_today_it_is_enrolled()
    {
        var coordinator = new IntakeClient(service.Factory.ClientAs(Roles.Coordinator, "coordinator-us", HospitalsInTwoZones.LosAngeles));
        var clinician = service.Factory.ClientAs(Roles.Clinician, "dr-us", HospitalsInTwoZones.LosAngeles);
        var registered = await Register(coordinator.Http, LosAngelesToday);
        var id = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pathwayId").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(LosAngelesToday), ifMatch: 1)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.DecideEligibility(id, ifMatch: 2)).StatusCode);

        var future = await clinician.PostAsJsonAsync($"/pathways/{id}/enrolment", new { enrolledOn = AucklandToday, rationale = "MDT: convert first." });
        var problem = await future.Problem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("enrolledOn", out _));
        await using (var session = service.Store.QuerySession(HospitalsInTwoZones.LosAngeles))
        {
            Assert.Equal(3, (await session.Events.FetchStreamStateAsync(id))!.Version);
        }

        var today = await clinician.PostAsJsonAsync($"/pathways/{id}/enrolment", new { enrolledOn = LosAngelesToday, rationale = "MDT: convert first." });
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }

    private static Task<HttpResponseMessage> Register(HttpClient client, DateOnly referredOn) => client.PostAsJsonAsync(
        "/pathways", new RegisterPatient.Request($"MRN-{Guid.NewGuid():N}"[..16], "Ada Example", new DateOnly(1966, 3, 14), "female", referredOn, "City Hospital"));

    private async Task<int> EventsOf(string hospital)
    {
        await using var session = service.Store.QuerySession(hospital);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}

/// <summary>The Intake service with an Auckland and a Los Angeles hospital, its clock stopped at 20:00 UTC on 7 December 2026.</summary>
public sealed class HospitalsInTwoZones : IAsyncLifetime
{
    public const string Auckland = "auckland-city";
    public const string LosAngeles = "los-angeles-general";

    public StoppedClockFactory Factory { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        Factory = new StoppedClockFactory(await Infrastructure.GetAsync(), new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero)));
        _ = Factory.Server;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public sealed class StoppedClockFactory(InfrastructureEndpoints infrastructure, TimeProvider time)
        : PathwayServiceFactory<IntakeApi>(infrastructure, IsolatedSchemas.New(), Owners.Intake, settings: new Dictionary<string, string>
        {
            [$"Pathway:Hospitals:{Auckland}:TimeZone"] = "Pacific/Auckland",
            [$"Pathway:Hospitals:{LosAngeles}:TimeZone"] = "America/Los_Angeles",
        })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }
}
