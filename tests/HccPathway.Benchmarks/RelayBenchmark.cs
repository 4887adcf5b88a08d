using System.Diagnostics;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HccPathway.Benchmarks;

/// <summary>
/// The event store as outbox: how fast events are appended, how fast the relay drains a backlog to RabbitMQ, and how
/// long one event takes from a committed append to an outside subscriber.
/// </summary>
public static class RelayBenchmark
{
    private const int LatencySamples = 300;

    public static async Task<IReadOnlyList<Measurement>> Run(string postgres, Uri rabbit, int count)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = postgres,
            ["ConnectionStrings:messaging"] = rabbit.ToString(),
            ["Pathway:EventsSchema"] = $"bench_ev_{suffix}",
            ["Pathway:DocumentsSchema"] = $"bench_intake_{suffix}",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        var marten = builder.AddPathwayEventStore(Owners.Intake, o => o.Schema.For<ProcessedMessage>());
        builder.AddPathwayMessaging(Owners.Intake, marten);

        using var host = builder.Build();
        await host.StartAsync();
        await using var listener = await WireListener.Bind(rabbit, "HccPathway.Contracts.Intake:PatientRegistered");
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();

        // A backlog appended while the relay is paused, one event per write, as the HTTP API writes them.
        await coordinator.PauseAsync();
        var appending = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            await AppendOne(store);
        }

        var appendRate = count / appending.Elapsed.TotalSeconds;

        var draining = Stopwatch.StartNew();
        await coordinator.ResumeAsync();
        await listener.WaitForCount(count, TimeSpan.FromMinutes(5));
        var relayRate = count / draining.Elapsed.TotalSeconds;

        // One event at a time with the relay idle: commit → visible to a subscriber.
        var latencies = new List<double>(LatencySamples);
        for (var i = 0; i < LatencySamples; i++)
        {
            var (id, committedAt) = await AppendOne(store);
            while (!listener.Arrivals.TryGetValue(id, out _))
            {
                await Task.Delay(1);
            }

            latencies.Add(Stopwatch.GetElapsedTime(committedAt, listener.Arrivals[id]).TotalMilliseconds);
        }

        await host.StopAsync();
        latencies.Sort();
        return
        [
            new Measurement("append: one event per write (Marten, quick append)", appendRate, "events/s", Baselines.PostgresInserts),
            new Measurement("relay: backlog drained to RabbitMQ with confirms", relayRate, "events/s", Baselines.RabbitMqPublishes),
            new Measurement("append → subscriber latency p50", Percentile(latencies, 0.50), "ms"),
            new Measurement("append → subscriber latency p99", Percentile(latencies, 0.99), "ms"),
        ];
    }

    private static async Task<(Guid EventId, long CommittedAt)> AppendOne(IDocumentStore store)
    {
        var pathwayId = Guid.CreateVersion7();
        await using var session = store.LightweightSession();
        var stream = session.Events.StartStream(pathwayId, new PatientRegistered(
            pathwayId, new PatientIdentity("BENCH", "Benchmark Patient", new DateOnly(1960, 1, 1)), "unknown",
            new DateOnly(2026, 1, 1), "Benchmark", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return (stream.Events[0].Id, Stopwatch.GetTimestamp());
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
