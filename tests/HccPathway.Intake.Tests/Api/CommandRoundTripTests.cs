using System.Net;
using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HccPathway.Intake.Tests.Api;

/// <summary>
/// The database round trips of one command, counted rather than timed, so a gain in the command path cannot silently
/// regress (issue 24; tests/HccPathway.Benchmarks/results/2026-12-07-profile.md).
/// </summary>
public sealed class CommandRoundTripTests(CountedIntakeService service, ITestOutputHelper output) : IClassFixture<CountedIntakeService>
{
    /// <summary>
    /// An append without If-Match: (1) BEGIN, the stream's row lock, its version and its events, one batch; (2) the
    /// current PatientSummary, which Marten's inline projection loads before it folds the new events into it; (3) the
    /// events, the stream's new version, the summary and the append notification, one batch; (4) COMMIT. The write step
    /// alone takes three (WriteRoundTripTests in the foundation tests); Intake's inline read model adds its load, which a
    /// session without an identity map cannot take from the first batch. Before issue 24 it was five: the lock was a
    /// round trip of its own.
    /// </summary>
    public const int AppendBudget = 4;

    private readonly IntakeClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public async Task Recording_a_baseline_without_if_match_takes_at_most_four_round_trips()
    {
        // The first write of a process checks the schema and prepares its plans; a long-running service has done so.
        await coordinator.RecordBaseline(await coordinator.RegisterNew(), Baselines.ResectableWithPvtt(IntakeClient.Today));
        var id = await coordinator.RegisterNew();

        var trace = DatabaseRoundTrips.NewTrace();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/pathways/{id}/baseline")
        {
            Content = System.Net.Http.Json.JsonContent.Create(Baselines.ResectableWithPvtt(IntakeClient.Today)),
        };
        request.Headers.Add("traceparent", DatabaseRoundTrips.TraceParent(trace));
        var response = await coordinator.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var trips = service.RoundTrips.Of(trace);
        foreach (var trip in trips)
        {
            output.WriteLine(trip);
        }

        Assert.Equal("COMMIT", trips[^1]);
        Assert.Contains("for update", trips[0], StringComparison.OrdinalIgnoreCase);
        Assert.InRange(trips.Count, 1, AppendBudget);
    }
}

/// <summary>The Intake service in-process, with the round trips of its requests counted.</summary>
public sealed class CountedIntakeService : IAsyncLifetime
{
    public DatabaseRoundTrips RoundTrips { get; } = new();

    public PathwayServiceFactory<IntakeApi> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = new CountedFactory(await Infrastructure.GetAsync(), RoundTrips);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        RoundTrips.Dispose();
    }

    private sealed class CountedFactory(InfrastructureEndpoints infrastructure, DatabaseRoundTrips roundTrips)
        : PathwayServiceFactory<IntakeApi>(infrastructure, IsolatedSchemas.New(), Owners.Intake)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.ConfigureMarten(options => options.Listeners.Add(roundTrips.Commits)));
        }
    }
}
