using System.Data.Common;
using HccPathway.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace HccPathway.Audit.Events;

/// <summary>What a history query narrows to. Dates are instants (the time an event was recorded).</summary>
public sealed record EventFilter(
    IReadOnlyList<string>? Names = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    long? UpToVersion = null);

/// <summary>What <see cref="EventRows.ReadStream"/> found: <see cref="LatestVersion"/> is 0 when the stream has no events.</summary>
/// <param name="Total">How many events the filter keeps, over all pages.</param>
public sealed record StreamRead(long LatestVersion, long Total, IReadOnlyList<StoredEvent> Events)
{
    public bool Exists => LatestVersion > 0;
}

/// <summary>
/// Reads pathway events as stored, with plain SQL over the shared events schema. Read-only: the audit service never
/// writes to the event tables. Reads of one pathway are always narrowed to one hospital (the Marten tenant), because
/// plain SQL bypasses the tenancy that Marten sessions apply.
/// </summary>
public sealed class EventRows(NpgsqlDataSource dataSource, string eventsSchema)
{
    private const string Columns =
        "seq_id, id, stream_id, version, type, mt_dotnet_type, data::text, timestamp, tenant_id, correlation_id, " +
        "causation_id, headers::text, user_name";

    public string EventsSchema => eventsSchema;

    /// <summary>The same connection string and events schema as the service's Marten store.</summary>
    public static EventRows FromConfiguration(IConfiguration configuration, NpgsqlDataSource dataSource) =>
        new(dataSource, configuration["Pathway:EventsSchema"] ?? PathwayEventStore.DefaultEventsSchema);

    /// <summary>A stream's events in version order, filtered, with paging (<paramref name="skip"/>, <paramref name="take"/>).</summary>
    public async Task<IReadOnlyList<StoredEvent>> Read(
        string tenant, Guid streamId, EventFilter filter, CancellationToken ct, int skip = 0, int? take = null)
    {
        var (where, parameters) = Where(tenant, streamId, filter);
        var paging = take is { } t ? $" limit {t} offset {skip}" : skip > 0 ? $" offset {skip}" : "";
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {eventsSchema}.mt_events where {where} order by version{paging}");
        command.Parameters.AddRange(parameters);
        return await ReadAll(command, ct);
    }

    /// <summary>
    /// In one round trip: the stream's latest version (0 when it has no events, whatever the filter), the number of its
    /// events the filter keeps (when <paramref name="count"/>), and a page of them in version order.
    /// </summary>
    public async Task<StreamRead> ReadStream(
        string tenant, Guid streamId, EventFilter filter, bool count, CancellationToken ct, int skip = 0, int? take = null)
    {
        var (where, parameters) = Where(tenant, streamId, filter);
        var paging = take is { } t ? $" limit {t} offset {skip}" : skip > 0 ? $" offset {skip}" : "";
        // A parameter belongs to one command, so each command of the batch gets its own.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            $"select coalesce(max(version), 0) from {eventsSchema}.mt_events where stream_id = $1 and tenant_id = $2",
            Where(tenant, streamId, new EventFilter()).Parameters));
        if (count)
        {
            batch.BatchCommands.Add(Command($"select count(*) from {eventsSchema}.mt_events where {where}", Where(tenant, streamId, filter).Parameters));
        }

        batch.BatchCommands.Add(Command($"select {Columns} from {eventsSchema}.mt_events where {where} order by version{paging}", parameters));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var latest = await Scalar(reader, ct);
        var total = count ? await Scalar(reader, ct) : (long?)null;
        var events = await ReadRows(reader, ct);
        return new StreamRead(latest, total ?? events.Count, events);

        static NpgsqlBatchCommand Command(string sql, NpgsqlParameter[] parameters)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.AddRange(parameters);
            return command;
        }

        static async Task<long> Scalar(NpgsqlDataReader reader, CancellationToken ct)
        {
            await reader.ReadAsync(ct);
            var value = reader.GetInt64(0);
            await reader.NextResultAsync(ct);
            return value;
        }
    }

    /// <summary>The streams with an event whose global sequence is in (<paramref name="floor"/>, <paramref name="ceiling"/>].</summary>
    public async Task<IReadOnlyList<Guid>> StreamsBetween(long floor, long ceiling, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select distinct stream_id from {eventsSchema}.mt_events where seq_id > $1 and seq_id <= $2 and stream_id is not null");
        command.Parameters.Add(new NpgsqlParameter { Value = floor });
        command.Parameters.Add(new NpgsqlParameter { Value = ceiling });
        var streams = new List<Guid>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            streams.Add(reader.GetGuid(0));
        }

        return streams;
    }

    /// <summary>How far a subscription or projection of this store has processed (its global sequence; 0 when it has not started).</summary>
    public async Task<long> Progress(string shardName, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select last_seq_id from {eventsSchema}.mt_event_progression where name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = shardName });
        return await command.ExecuteScalarAsync(ct) is long sequence ? sequence : 0;
    }

    /// <summary>The hospital (tenant) of each of the streams.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> HospitalsOf(IReadOnlyCollection<Guid> streamIds, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"select id, tenant_id from {eventsSchema}.mt_streams where id = any($1)");
        command.Parameters.Add(new NpgsqlParameter { Value = streamIds.ToArray() });
        var hospitals = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hospitals[reader.GetGuid(0)] = reader.GetString(1);
        }

        return hospitals;
    }

    /// <summary>
    /// In one round trip, for each stream of <paramref name="afterVersions"/>: its events after the version given for
    /// it and up to global sequence <paramref name="maxSequence"/>, grouped by stream, each stream's in version order.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAfterEach(
        IReadOnlyDictionary<Guid, long> afterVersions, long maxSequence, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"select {Columns} from {eventsSchema}.mt_events join unnest($1::uuid[], $2::bigint[]) as after(after_stream, after_version) " +
            "on stream_id = after_stream and version > after_version where seq_id <= $3 order by stream_id, version");
        var after = afterVersions.ToArray();
        command.Parameters.Add(new NpgsqlParameter { Value = after.Select(a => a.Key).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = after.Select(a => a.Value).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = maxSequence });
        return await ReadAll(command, ct);
    }

    private static (string Where, NpgsqlParameter[] Parameters) Where(string tenant, Guid streamId, EventFilter filter)
    {
        var clauses = new List<string> { "stream_id = $1", "tenant_id = $2" };
        var parameters = new List<NpgsqlParameter> { new() { Value = streamId }, new() { Value = tenant } };
        void Add(string clause, object value)
        {
            parameters.Add(new NpgsqlParameter { Value = value });
            clauses.Add(clause.Replace("@", "$" + parameters.Count, StringComparison.Ordinal));
        }

        if (filter.Names is { Count: > 0 } names)
        {
            Add("type = any(@)", names.ToArray());
        }

        if (filter.From is { } from)
        {
            Add("timestamp >= @", from.ToUniversalTime());
        }

        if (filter.To is { } to)
        {
            Add("timestamp <= @", to.ToUniversalTime());
        }

        if (filter.UpToVersion is { } version)
        {
            Add("version <= @", version);
        }

        return (string.Join(" and ", clauses), parameters.ToArray());
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadAll(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await ReadRows(reader, ct);
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadRows(NpgsqlDataReader reader, CancellationToken ct)
    {
        var rows = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new StoredEvent(
                reader.GetInt64(0),
                reader.GetGuid(1),
                reader.GetGuid(2),
                reader.GetInt64(3),
                reader.GetString(4),
                Nullable(reader, 5),
                reader.GetString(6),
                new DateTimeOffset(reader.GetDateTime(7), TimeSpan.Zero),
                Nullable(reader, 8),
                Nullable(reader, 9),
                Nullable(reader, 10),
                Nullable(reader, 11),
                Nullable(reader, 12)));
        }

        return rows;
    }

    private static string? Nullable(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
