using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using JasperFx;
using HccPathway.ServiceDefaults.Http.Idempotency;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events;
using JasperFx.MultiTenancy;
using HccPathway.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HccPathway.ServiceDefaults.EventStore;

public static class PathwayEventStore
{
    /// <summary>The schema of the shared event tables. Every service must agree on it (see docs/architecture.md, "One events configuration for all").</summary>
    public const string DefaultEventsSchema = "pathway";

    /// <summary>Configuration key: false makes every start compare the whole schema with the database.</summary>
    public const string SchemaFingerprintingKey = "Pathway:SchemaFingerprinting";

    /// <summary>Configuration key: the shortest time between two high-water checks of a service's daemon under load.</summary>
    public const string DaemonWakeupIntervalKey = "Pathway:DaemonWakeupInterval";

    // The daemon's own polling interval while events keep arriving (Marten's FastPollingTime): under load a check per
    // interval instead of per append cut the daemons' progression writes per P1 command from 1.3 to 0.5 and the CPU
    // of the services with nothing to do by two thirds (tests/HccPathway.Benchmarks/results/2026-11-27-profile.md).
    private static readonly TimeSpan DefaultDaemonWakeupInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Configuration key: how long the daemons wait at a gap in the event sequence (an append that rolled back after
    /// drawing sequence numbers; rarer since version races fail before drawing any, see ConfigureEvents) before asking
    /// PostgreSQL whether a live transaction could still fill it. Every relay and projection of every service waits
    /// behind such a gap, so it bounds the reaction time between services.
    /// </summary>
    public const string StaleSequenceThresholdKey = "Pathway:StaleSequenceThreshold";

    // Marten's default is 3 s. Marten skips a gap only when no transaction that could still fill it is alive (its
    // gap liveness probe), so a shorter wait cannot skip an event still being committed; it only stops every relay
    // from standing still 3 s behind each rolled-back append. At 10 enrolments/s the reaction between two services
    // fell from 2.4-3.0 s (p50) and 6.9-8.1 s (p99) to 0.68 s and 2.6 s (P2-sustained in
    // tests/HccPathway.Benchmarks/results/20261128-024408-gap-wait-500ms).
    private static readonly TimeSpan DefaultStaleSequenceThreshold = TimeSpan.FromMilliseconds(500);

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
        var documentsSchema = DocumentsSchema(builder.Configuration, service);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(new PathwayService(service));
        builder.Services.AddScoped<PathwayWriter>();
        builder.Services.AddSingleton(Hospitals.FromConfiguration(builder.Configuration));
        builder.AddHospitalClock();
        builder.AddPathwayIdempotency();

        // A singleton, so the host closes its LISTEN connection when it stops (the daemon never disposes its wakeup).
        builder.Services.AddSingleton(services => new ThrottledAppendWakeup(
            connectionString,
            builder.Configuration.GetValue(DaemonWakeupIntervalKey, DefaultDaemonWakeupInterval),
            services.GetRequiredService<ILoggerFactory>().CreateLogger<ThrottledAppendWakeup>()));

        var marten = builder.Services.AddMarten(services =>
            {
                var options = new StoreOptions();
                options.Connection(connectionString);
                options.Logger(new ValueFreeMartenLogger(services.GetRequiredService<ILoggerFactory>().CreateLogger<IDocumentStore>()));
                options.DatabaseSchemaName = documentsSchema;

                // Replicas (and services) starting together race for Marten's migration lock. The loser starts
                // against the schema the winner is applying instead of crash-looping; its own tables are created
                // on first use.
                options.ResourceMigrationFailureMode = ResourceMigrationFailureMode.ContinueOnFailures;

                // A start whose configuration matches the schema last applied checks one stamp instead of every
                // table and function (see SchemaStampGuard). Cold starts beside four running services went from
                // 1.6-3.1 s to 1.4-2.5 s (2 runs of each, deploy/local/bench.sh --commands-only).
                options.Advanced.Migrator.UseSchemaFingerprinting = builder.Configuration.GetValue(SchemaFingerprintingKey, true);
                ConfigureEvents(options.Events, eventsSchema);

                // Without a wakeup the daemons poll about once a second; with one an append reaches the relay in
                // milliseconds. Each daemon checks at most once per interval however fast events are appended.
                options.Listeners.Add(new EventAppendNotifier());
                options.Projections.Wakeup = services.GetRequiredService<ThrottledAppendWakeup>();
                options.Projections.StaleSequenceThreshold =
                    builder.Configuration.GetValue(StaleSequenceThresholdKey, DefaultStaleSequenceThreshold);

                // Every read model belongs to one hospital, like the events it is built from; a service may opt a
                // document out (SingleTenanted) only when it is keyed by something globally unique.
                options.Policies.AllDocumentsAreMultiTenanted();
                options.AddIdempotencyRecords();
                documents?.Invoke(options);
                return options;
            })
            .BuildSessionsWith<PathwaySessionFactory>(ServiceLifetime.Scoped)
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(DaemonMode.HotCold);

        // Marten puts its schema apply first among the hosted services; the guard goes before it.
        builder.Services.Insert(0, ServiceDescriptor.Singleton<IHostedService>(new SchemaStampGuard(connectionString, eventsSchema, documentsSchema)));
        return marten;
    }

    /// <summary>The service's documents schema: <c>Pathway:DocumentsSchema</c>, or the service's name.</summary>
    public static string DocumentsSchema(IConfiguration configuration, string service) =>
        configuration["Pathway:DocumentsSchema"] ?? service.Replace('-', '_');

    internal static void ConfigureEvents(IEventStoreOptions events, string eventsSchema)
    {
        events.DatabaseSchemaName = eventsSchema;
        events.StreamIdentity = StreamIdentity.AsGuid;

        // Hospitals share the store; each event and stream carries its hospital (tenant) and sessions see only theirs.
        events.TenancyStyle = TenancyStyle.Conjoined;
        events.AppendMode = EventAppendMode.Quick;

        // Services react to the same events and append to the same pathway at once. Without the row lock both
        // appenders pass the version check, both draw sequence numbers, and the loser's rollback leaves a gap that
        // every daemon of every service then waits at (Pathway:StaleSequenceThreshold). With it the loser waits for
        // the winner, sees the new version and fails before drawing any.
        events.UseExclusiveLockOnConcurrentAppends = true;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.HeadersEnabled = true;
        events.MetadataConfig.UserNameEnabled = true;

        // Off: its wakeup checks every daemon's high-water mark once per append. EventAppendNotifier sends the same
        // notification and ThrottledAppendWakeup wakes the daemons at a bounded rate (see AddPathwayEventStore).
        events.UseListenNotifyForEventAppends = false;

        // Every service may fold any pathway stream, so every service knows every event type.
        foreach (var contract in EventCatalog.All)
        {
            events.MapEventType(contract.Type, contract.Name);
        }

        // Erasure of a patient's identity (a data-protection request) keeps the pathway but blanks who it was.
        events.AddMaskingRuleForProtectedInformation<PatientRegistered>(e => e with { Identity = ProtectedIdentity.Masked });
    }
}
