using HccPathway.Assessment;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.Scheduling;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HccPathway.Reliability.Tests;

[CollectionDefinition(Name)]
public sealed class ReliabilityCollection : ICollectionFixture<ReliabilitySystem>
{
    public const string Name = "reliability";
}

/// <summary>
/// The five services in-process on the run's real PostgreSQL and RabbitMQ, sharing one fresh events schema and one
/// virtual host, started once for every reliability test (the classes of the collection run one after another).
/// </summary>
public sealed class ReliabilitySystem : IAsyncLifetime
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static readonly TimeSpan PurgeInterval = TimeSpan.FromSeconds(2);

    public InfrastructureEndpoints Infrastructure { get; private set; } = null!;

    public IsolatedSchemas Schemas { get; private set; } = null!;

    public PathwayServiceFactory<IntakeApi> Intake { get; private set; } = null!;

    public PathwayServiceFactory<SchedulingApi> Scheduling { get; private set; } = null!;

    public PathwayServiceFactory<AssessmentApi> Assessment { get; private set; } = null!;

    public PathwayServiceFactory<SurgeryPlanningApi> SurgeryPlanning { get; private set; } = null!;

    public PathwayServiceFactory<AuditApi> Audit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await HccPathway.Testing.Infrastructure.GetAsync();
        Schemas = IsolatedSchemas.New();

        // Expired idempotency keys are purged every few seconds here (hourly by default), so a test can watch it happen.
        Environment.SetEnvironmentVariable("Idempotency__PurgeInterval", PurgeInterval.ToString());

        // One after another: each creates or checks the shared schema before the next starts.
        Intake = Start(new PathwayServiceFactory<IntakeApi>(Infrastructure, Schemas, Owners.Intake));
        Scheduling = Start(new PathwayServiceFactory<SchedulingApi>(Infrastructure, Schemas, Owners.Scheduling));
        Assessment = Start(new PathwayServiceFactory<AssessmentApi>(Infrastructure, Schemas, Owners.Assessment));
        SurgeryPlanning = Start(new PathwayServiceFactory<SurgeryPlanningApi>(Infrastructure, Schemas, Owners.SurgeryPlanning));
        Audit = Start(new PathwayServiceFactory<AuditApi>(Infrastructure, Schemas, AuditApi.ServiceName));
        await Task.CompletedTask;
    }

    /// <summary>Each service with a way to make a client without credentials and its DI container.</summary>
    public IReadOnlyList<ServiceHost> All() =>
    [
        new(Owners.Intake, Intake.Services, () => Intake.CreateClient()),
        new(Owners.Scheduling, Scheduling.Services, () => Scheduling.CreateClient()),
        new(Owners.Assessment, Assessment.Services, () => Assessment.CreateClient()),
        new(Owners.SurgeryPlanning, SurgeryPlanning.Services, () => SurgeryPlanning.CreateClient()),
        new(AuditApi.ServiceName, Audit.Services, () => Audit.CreateClient()),
    ];

    public PathwayClient Api(string role, string subject) => new(
        Intake.ClientAs(role, subject),
        Scheduling.ClientAs(role, subject),
        Assessment.ClientAs(role, subject),
        SurgeryPlanning.ClientAs(role, subject));

    public IDocumentStore Store => Intake.Services.GetRequiredService<IDocumentStore>();

    /// <summary>
    /// A patient enrolled <paramref name="daysAgo"/> days ago, with the regimen planned by Scheduling and the
    /// assessment opened by Assessment (both from the enrolment message).
    /// </summary>
    public async Task<ConversionJourney> EnrolledPatient(string mrn, int daysAgo = 120)
    {
        var api = Api(Roles.Clinician, "dr-reliability");
        var journey = await ConversionJourney.Register(api, Today.AddDays(-daysAgo), mrn, "Test Patient", new DateOnly(1960, 1, 1));
        await journey.RecordBaseline();
        await journey.DecideEligibility();
        await journey.Enrol();
        await journey.Planned();
        await Eventually.True(
            async () => (await Intake.Services.GetRequiredService<IDocumentStore>().QuerySession().Events
                .FetchStreamAsync(journey.PathwayId)).Any(e => e.Data is HccPathway.Contracts.Assessment.ResponseAssessmentStarted),
            TimeSpan.FromSeconds(30), "the assessment to start");
        return journey;
    }

    /// <summary>
    /// Every row of the events tables hashed in order: equal fingerprints mean byte-for-byte equal event stores.
    /// Waits until two readings a second apart agree, so consumers still reacting to earlier tests are not counted.
    /// </summary>
    public async Task<EventStoreFingerprint> QuietFingerprint()
    {
        var last = await Fingerprint();
        for (var i = 0; i < 30; i++)
        {
            await Task.Delay(1000);
            var next = await Fingerprint();
            if (next == last)
            {
                return next;
            }

            last = next;
        }

        throw new TimeoutException("The event store did not settle.");
    }

    /// <summary>How many events of one stored type the events table holds.</summary>
    public async Task<long> CountEvents(string storedName)
    {
        await using var connection = new NpgsqlConnection(Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"select count(*) from {Schemas.Events}.mt_events where type = $1", connection);
        command.Parameters.AddWithValue(storedName);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<EventStoreFingerprint> Fingerprint()
    {
        await using var connection = new NpgsqlConnection(Infrastructure.Postgres);
        await connection.OpenAsync();
        var schema = Schemas.Events;
        await using var command = new NpgsqlCommand(
            $"""
             select (select count(*) from {schema}.mt_events),
                    (select coalesce(md5(string_agg(e::text, E'\n' order by e.seq_id)), '') from {schema}.mt_events e),
                    (select count(*) from {schema}.mt_streams),
                    (select coalesce(md5(string_agg(s::text, E'\n' order by s.id)), '') from {schema}.mt_streams s)
             """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new EventStoreFingerprint(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
    }

    public async Task DisposeAsync()
    {
        foreach (var factory in new IAsyncDisposable[] { Audit, SurgeryPlanning, Assessment, Scheduling, Intake })
        {
            await factory.DisposeAsync();
        }
    }

    private static PathwayServiceFactory<TApi> Start<TApi>(PathwayServiceFactory<TApi> factory)
        where TApi : class
    {
        _ = factory.Server;
        return factory;
    }
}

public sealed record ServiceHost(string Name, IServiceProvider Services, Func<HttpClient> Client);

public sealed record EventStoreFingerprint(long Events, string EventsHash, long Streams, string StreamsHash);
