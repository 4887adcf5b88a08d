using System.Diagnostics;
using HccPathway.Contracts;
using HccPathway.Intake;
using HccPathway.Intake.Pathways.Summaries;
using HccPathway.ServiceDefaults.EventStore;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HccPathway.Benchmarks;

/// <summary>P5: Intake's read models (the patient summaries, its only projection) rebuilt from every event in the store.</summary>
public static class ProjectionRebuild
{
    public static async Task<double> Run(Settings settings, Store store)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = settings.Postgres,
            ["Pathway:EventsSchema"] = store.EventsSchema,
            ["Pathway:DocumentsSchema"] = store.DocumentsSchema("intake"),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPathwayEventStore(Owners.Intake, IntakeDocuments.Configure);
        using var host = builder.Build();
        await host.StartAsync();
        var documents = host.Services.GetRequiredService<IDocumentStore>();
        var events = await Sql.Scalar<long>(settings.Postgres, $"select count(*) from {store.EventsSchema}.mt_events");

        var watch = Stopwatch.StartNew();
        using var daemon = await documents.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync<PatientSummaryProjection>(TimeSpan.FromMinutes(30), CancellationToken.None);
        var rate = events / watch.Elapsed.TotalSeconds;
        await host.StopAsync();
        return rate;
    }
}
