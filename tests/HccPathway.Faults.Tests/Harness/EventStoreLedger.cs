using Npgsql;

namespace HccPathway.Faults.Tests.Harness;

/// <summary>What the event store and the consumers' idempotency records say, read with SQL from the private database.</summary>
public sealed class EventStoreLedger(string connectionString, string eventsSchema = "pathway")
{
    /// <summary>The consumers whose effects the fault tests count, with the schema of their service and the event they react to.</summary>
    public static readonly IReadOnlyList<(string Consumer, string Schema, string Reacts, string Effect)> Consumers =
    [
        ("scheduling-plan-regimen", "scheduling", "intake.patient-enrolled.v1", "scheduling.regimen-planned.v1"),
        ("assessment-patient-enrolled", "assessment", "intake.patient-enrolled.v1", "assessment.response-assessment-started.v1"),
    ];

    /// <summary>
    /// Every committed pathway event. Marten's own tombstones are left out: it writes them over the sequence numbers
    /// of an append that failed, they belong to no pathway and no relay publishes them.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> CommittedEventIds() => (await CommittedEvents()).Select(e => e.Id).ToList();

    /// <summary>As <see cref="CommittedEventIds"/>, with each event's type name (which tells the service whose relay publishes it).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Type)>> CommittedEvents()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand($"select id, type from {eventsSchema}.mt_events where type <> 'tombstone' order by seq_id", connection);
        var events = new List<(Guid, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            events.Add((reader.GetGuid(0), reader.GetString(1)));
        }

        return events;
    }

    /// <summary>
    /// Sequence and type of the given events, for a report of what was lost, with the range the daemon's high-water
    /// detection skipped over it, if any (a committed event inside a skipped range is never seen by a subscription).
    /// </summary>
    public async Task<IReadOnlyList<string>> Describe(IEnumerable<Guid> ids)
    {
        await using var connection = await Open();
        var skips = await TableExists(eventsSchema, "mt_high_water_skips")
            ? $"(select '; skipped by high-water detection in (' || s.starting_sequence || ', ' || s.ending_sequence || '] at ' || s.timestamp " +
              $"from {eventsSchema}.mt_high_water_skips s where e.seq_id > s.starting_sequence and e.seq_id <= s.ending_sequence limit 1)"
            : "null";
        await using var command = new NpgsqlCommand(
            $"select e.seq_id, e.version, e.type, e.timestamp, {skips} from {eventsSchema}.mt_events e where e.id = any(@ids) order by e.seq_id", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        var described = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var skipped = reader.IsDBNull(4) ? "" : reader.GetString(4);
            described.Add($"seq {reader.GetInt64(0)} v{reader.GetInt32(1)} {reader.GetString(2)} at {reader.GetFieldValue<DateTimeOffset>(3):HH:mm:ss.fff}{skipped}");
        }

        return described;
    }

    /// <summary>The daemon's progress rows (each relay and the high water mark) and every high-water skip, as text.</summary>
    public async Task<IReadOnlyList<string>> Progression()
    {
        await using var connection = await Open();
        var lines = new List<string>();
        await using (var command = new NpgsqlCommand($"select name, last_seq_id, last_updated from {eventsSchema}.mt_event_progression order by name", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                lines.Add($"progress {reader.GetString(0)} at {reader.GetInt64(1)} ({reader.GetValue(2)})");
            }
        }

        if (await TableExists(eventsSchema, "mt_high_water_skips"))
        {
            await using var command = new NpgsqlCommand(
                $"select starting_sequence, ending_sequence, timestamp from {eventsSchema}.mt_high_water_skips order by ending_sequence", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add($"skip ({reader.GetInt64(0)}, {reader.GetInt64(1)}] at {reader.GetValue(2)}");
            }
        }

        return lines;
    }

    public async Task<long> CountEvents(string type) =>
        await Scalar($"select count(*) from {eventsSchema}.mt_events where type = @type", ("type", type));

    /// <summary>Idempotency records (ProcessedMessage documents) of one consumer: one per message it handled.</summary>
    public async Task<long> Processed(string consumer, string schema) =>
        await TableExists(schema, "mt_doc_processedmessage")
            ? await Scalar($"select count(*) from {schema}.mt_doc_processedmessage where id like @prefix", ("prefix", consumer + "/%"))
            : 0;

    /// <summary>Streams on which an effect that must happen once per pathway happened more than once.</summary>
    public async Task<long> StreamsWithRepeated(string type) =>
        await Scalar($"select count(*) from (select stream_id from {eventsSchema}.mt_events where type = @type group by stream_id having count(*) > 1) repeated",
            ("type", type));

    public async Task<IReadOnlyList<(Guid Stream, long Version, IReadOnlyList<string> Types)>> Streams()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(
            $"select stream_id, max(version), array_agg(type order by version) from {eventsSchema}.mt_events group by stream_id", connection);
        var streams = new List<(Guid, long, IReadOnlyList<string>)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            streams.Add((reader.GetGuid(0), reader.GetInt64(1), reader.GetFieldValue<string[]>(2)));
        }

        return streams;
    }

    /// <summary>The version Intake's inline summary was written at, by pathway: it commits in the same transaction as the append.</summary>
    public async Task<IReadOnlyDictionary<Guid, long>> SummaryVersions()
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand("select id, coalesce(data->>'Version', data->>'version')::bigint from intake.mt_doc_patientsummary", connection);
        var versions = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            versions[reader.GetGuid(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return versions;
    }

    private async Task<bool> TableExists(string schema, string table) =>
        await Scalar("select count(*) from information_schema.tables where table_schema = @schema and table_name = @table",
            ("schema", schema), ("table", table)) > 0;

    private async Task<long> Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await Open();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<NpgsqlConnection> Open()
    {
        // No pooling: these reads must work right after a PostgreSQL restart, without broken pooled connections.
        var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }
}
