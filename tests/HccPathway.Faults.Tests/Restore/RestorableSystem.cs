using HccPathway.DemoData;
using HccPathway.Faults.Tests.Harness;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing.Faults;
using Npgsql;

namespace HccPathway.Faults.Tests.Restore;

/// <summary>One committed event as the store holds it.</summary>
public sealed record StoredEventRow(long Sequence, Guid Id, Guid Stream, long Version, string Type);

/// <summary>
/// A private PostgreSQL that archives its WAL, a private RabbitMQ with an outside subscriber counting the wire, and
/// Intake, Scheduling, Assessment and Audit as real processes against them: what a point-in-time restore is tried on.
/// </summary>
public sealed class RestorableSystem : IAsyncDisposable
{
    private RestorableSystem(PrivatePostgres postgres, PrivateRabbitMq broker, WireLedger wire)
    {
        Postgres = postgres;
        Broker = broker;
        Wire = wire;
        Store = new EventStoreLedger(postgres.ConnectionString);
        Intake = Service("Intake", "HccPathway.Intake");
        Scheduling = Service("Scheduling", "HccPathway.Scheduling");
        Assessment = Service("Assessment", "HccPathway.Assessment");
        Audit = Service("Audit", "HccPathway.Audit");
    }

    public PrivatePostgres Postgres { get; }

    public PrivateRabbitMq Broker { get; }

    public WireLedger Wire { get; }

    public EventStoreLedger Store { get; }

    public ServiceProcess Intake { get; }

    public ServiceProcess Scheduling { get; }

    public ServiceProcess Assessment { get; }

    public ServiceProcess Audit { get; }

    public IReadOnlyList<ServiceProcess> Services => [Intake, Scheduling, Assessment, Audit];

    public static async Task<RestorableSystem> Start()
    {
        var postgresStarting = PrivatePostgres.Start(archiveWal: true);
        var brokerStarting = PrivateRabbitMq.Start();
        var postgres = await postgresStarting;
        var broker = await brokerStarting;
        var system = new RestorableSystem(postgres, broker, await WireLedger.Subscribe(broker.Amqp, "restore-ledger"));
        await ServiceProcess.StartInOrder(system.Services, system);

        return system;
    }

    /// <summary>A clinician's client for the four services' public APIs (no Surgery planning here).</summary>
    public PathwayClient Clinician()
    {
        var intake = Intake.ClientAs(Roles.Clinician, "dr-restore");
        var scheduling = Scheduling.ClientAs(Roles.Clinician, "dr-restore");
        var assessment = Assessment.ClientAs(Roles.Clinician, "dr-restore");
        return new PathwayClient(intake, scheduling, assessment, new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9") });
    }

    public HttpClient Auditor() => Audit.ClientAs(Roles.Auditor, "auditor-restore");

    /// <summary>Every committed pathway event (Marten's tombstones left out), in commit order.</summary>
    public async Task<IReadOnlyList<StoredEventRow>> Events()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            "select seq_id, id, stream_id, version, type from pathway.mt_events where type <> 'tombstone' order by seq_id", connection);
        var rows = new List<StoredEventRow>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new StoredEventRow(reader.GetInt64(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3), reader.GetString(4)));
        }

        return rows;
    }

    /// <summary>Where the daemon's subscription or relay named <paramref name="name"/> stands (its last sequence handled).</summary>
    public async Task<long> Progress(string name)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand("select coalesce(max(last_seq_id), -1) from pathway.mt_event_progression where name = @name", connection);
        command.Parameters.AddWithValue("name", name);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Idempotency records of every consumer, by consumer name.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ProcessedByConsumer()
    {
        await using var connection = await Open();
        var counts = new Dictionary<string, long>();
        foreach (var schema in new[] { "scheduling", "assessment", "intake" })
        {
            await using var exists = new NpgsqlCommand(
                "select count(*) from information_schema.tables where table_schema = @schema and table_name = 'mt_doc_processedmessage'", connection);
            exists.Parameters.AddWithValue("schema", schema);
            if ((long)(await exists.ExecuteScalarAsync())! == 0)
            {
                continue;
            }

            await using var command = new NpgsqlCommand(
                $"select split_part(id, '/', 1), count(*) from {schema}.mt_doc_processedmessage group by 1", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        return counts;
    }

    /// <summary>The message ids (event ids) a consumer has an idempotency record for.</summary>
    public async Task<IReadOnlySet<Guid>> ProcessedIds(string schema, string consumer)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            $"select split_part(id, '/', 2)::uuid from {schema}.mt_doc_processedmessage where id like @prefix", connection);
        command.Parameters.AddWithValue("prefix", consumer + "/%");
        var ids = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Every event of <paramref name="type"/>: its stream, its causation id (the message a consumer appended it for) and its data.</summary>
    public async Task<IReadOnlyList<(Guid Stream, string? Causation, string Data)>> EffectsOf(string type)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            "select stream_id, causation_id, data::text from pathway.mt_events where type = @type order by seq_id", connection);
        command.Parameters.AddWithValue("type", type);
        var rows = new List<(Guid, string?, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetGuid(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private ServiceProcess Service(string folder, string project)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__pathway"] = Postgres.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.Amqp.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["DOTNET_gcServer"] = "0",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };
        return new ServiceProcess($"restore-{folder.ToLowerInvariant()}", ServiceProcess.Locate(folder, project), ChildProcesses.FreePort(), environment);
    }

    private async Task<NpgsqlConnection> Open()
    {
        // No pooling: these reads must work across the restore, without broken pooled connections.
        var connection = new NpgsqlConnection(Postgres.ConnectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Services.Reverse())
        {
            await service.DisposeAsync();
        }

        await Wire.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
