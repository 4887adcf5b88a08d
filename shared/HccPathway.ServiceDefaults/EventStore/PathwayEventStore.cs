using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HccPathway.ServiceDefaults.EventStore;

public static class PathwayEventStore
{
    /// <summary>The schema of the shared event tables. Every service must agree on it (see ARCHITECTURE.md, "One events configuration for all").</summary>
    public const string DefaultEventsSchema = "pathway";

    /// <summary>
    /// Registers Marten for one service: the shared pathway event store, with every event option set here and only here,
    /// and the service's own documents in a schema named after it. <paramref name="documents"/> may add documents and
    /// projections; it must not touch event options.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPathwayEventStore(
        this IHostApplicationBuilder builder, string service, Action<StoreOptions>? documents = null)
    {
        var connectionString = builder.Configuration.RequireConnectionString("pathway");
        var eventsSchema = builder.Configuration["Pathway:EventsSchema"] ?? DefaultEventsSchema;
        var documentsSchema = builder.Configuration["Pathway:DocumentsSchema"] ?? service.Replace('-', '_');

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new PathwayService(service));
        builder.Services.AddScoped<PathwayWriter>();

        return builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Connection(connectionString);
                options.Logger(new ValueFreeMartenLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
                options.DatabaseSchemaName = documentsSchema;
                ConfigureEvents(options.Events, eventsSchema);
                documents?.Invoke(options);
                return options;
            })
            .BuildSessionsWith<PathwaySessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);
    }

    internal static void ConfigureEvents(IEventStoreOptions events, string eventsSchema)
    {
        events.DatabaseSchemaName = eventsSchema;
        events.StreamIdentity = StreamIdentity.AsGuid;
        events.AppendMode = EventAppendMode.Quick;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        events.MetadataConfig.UserNameEnabled = true;

        // Without it the relay polls about once a second; with it an append reaches the relay in milliseconds.
        events.UseListenNotifyForEventAppends = true;

        // Every service may fold any pathway stream, so every service knows every event type.
        foreach (var contract in EventCatalog.All)
        {
            events.MapEventType(contract.Type, contract.Name);
        }

        // Erasure of a patient's identity (a data-protection request) keeps the pathway but blanks who it was.
        events.AddMaskingRuleForProtectedInformation<PatientRegistered>(e => e with { Identity = ProtectedIdentity.Masked });
    }
}
