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
/// P3: Intake's relay (the service's own EventRelay, MassTransit with publisher confirms) drains a backlog appended
/// while it was paused; the rate is events confirmed by the broker and seen by an outside subscriber per second.
/// </summary>
public static class RelayDrain
{
    private const int StreamsPerWrite = 1000;

    public static async Task<double> Run(Settings settings, Uri amqp, int backlog)
    {
        var store = Store.New("relay");
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // Stopping the host cancels the coordinator's lock attempts, which it logs as errors: noise here.
        builder.Logging.AddFilter("Marten.Events.Daemon.Coordination", LogLevel.None);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = settings.Postgres,
            ["ConnectionStrings:messaging"] = amqp.ToString(),
            ["Pathway:EventsSchema"] = store.EventsSchema,
            ["Pathway:DocumentsSchema"] = store.DocumentsSchema("intake"),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        var marten = builder.AddPathwayEventStore(Owners.Intake, o => o.Schema.For<ProcessedMessage>());
        builder.AddPathwayMessaging(Owners.Intake, marten);

        try
        {
            using var host = builder.Build();
            await host.StartAsync();
            await using var listener = await WireListener.Bind(amqp, "HccPathway.Contracts.Intake:PatientRegistered");
            var documents = host.Services.GetRequiredService<IDocumentStore>();
            var coordinator = host.Services.GetRequiredService<IProjectionCoordinator>();

            // The backlog is written in large sessions: how it got there is not what is measured.
            await coordinator.PauseAsync();
            for (var written = 0; written < backlog; written += StreamsPerWrite)
            {
                await using var session = documents.LightweightSession();
                for (var i = 0; i < Math.Min(StreamsPerWrite, backlog - written); i++)
                {
                    var pathwayId = Guid.CreateVersion7();
                    session.Events.StartStream(pathwayId, new PatientRegistered(
                        pathwayId, new PatientIdentity("BENCH", "Benchmark Patient", new DateOnly(1960, 1, 1)), "unknown",
                        new DateOnly(2026, 1, 1), "Benchmark", DateTimeOffset.UtcNow));
                }

                await session.SaveChangesAsync();
            }

            var draining = Stopwatch.StartNew();
            await coordinator.ResumeAsync();
            await listener.WaitForCount(backlog, TimeSpan.FromMinutes(15));
            var rate = backlog / draining.Elapsed.TotalSeconds;
            await host.StopAsync();
            return rate;
        }
        finally
        {
            await store.Drop(settings.Postgres);
        }
    }
}
