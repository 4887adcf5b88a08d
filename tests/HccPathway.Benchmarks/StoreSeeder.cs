using System.Diagnostics;
using HccPathway.DemoData;
using Npgsql;

namespace HccPathway.Benchmarks;

/// <summary>
/// Fills a store with many patients quickly: one patient goes through the real APIs (registered, baseline, eligible,
/// enrolled, LEN-TAP planned by Scheduling) and its stream is then copied inside PostgreSQL under new pathway ids, so
/// every copy is a valid stream the services can fold. Subscriptions are moved past the copies: they are history.
/// </summary>
public static class StoreSeeder
{
    // The first message a fresh Scheduling process handles generates code; on a busy machine that takes a while.
    private static readonly TimeSpan FirstReaction = TimeSpan.FromMinutes(3);

    public sealed record Seeded(Guid Template, Guid AuditPathway, int Patients, long Events, TimeSpan Took);

    /// <summary>Run with the system up: the template patient and the long pathway the audit figures read.</summary>
    public static async Task<(Guid Template, Guid AuditPathway)> Journeys(PathwaySystem system, int auditEvents)
    {
        var enrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-120);
        var template = await ConversionJourney.Register(system.Api, enrolledOn, "BENCH-T", "Template Patient", new DateOnly(1960, 1, 1));
        await template.RecordBaseline();
        await template.DecideEligibility();
        await template.Enrol();
        await system.Api.PlannedTherapy(template.PathwayId, FirstReaction);

        var audited = await ConversionJourney.Register(system.Api, enrolledOn, "BENCH-A", "Audited Patient", new DateOnly(1958, 3, 4));
        await audited.RecordBaseline();
        await audited.DecideEligibility();
        await audited.Enrol();
        await system.Api.PlannedTherapy(audited.PathwayId, FirstReaction);
        await audited.BaselineImaging();
        for (var i = 0; await Version(system.Store, audited.PathwayId) < auditEvents; i++)
        {
            var afp = 1200m - (i % 100) * 10m;
            await system.Api.RecordMarkers(audited.PathwayId, new
            {
                sampleId = Guid.NewGuid(),
                sampledOn = enrolledOn.AddDays(i % 100),
                afp = new { value = afp, unit = "ng/mL" },
            });
        }

        return (template.PathwayId, audited.PathwayId);

        async Task<long> Version(Store store, Guid id) =>
            await Sql.Scalar<long>(system.Settings.Postgres, $"select coalesce(max(version), 0)::bigint from {store.EventsSchema}.mt_events where stream_id = @id", ("id", id));
    }

    /// <summary>
    /// Run with both systems down, the target's schema created by one start of its services: brings the two journeys
    /// and the subscriptions' progress over from <paramref name="source"/>, then copies the template.
    /// </summary>
    public static async Task<Seeded> CopyFrom(string postgres, Store source, Seeded seeded, Store target, int patients)
    {
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            var (from, to) = (source.EventsSchema, target.EventsSchema);
            var streamColumns = string.Join(", ", await Columns(connection, to, "mt_streams"));
            var eventColumns = await Columns(connection, to, "mt_events", "seq_id");
            var progressColumns = string.Join(", ", await Columns(connection, to, "mt_event_progression"));
            await using var command = new NpgsqlCommand(
                $"insert into {to}.mt_streams ({streamColumns}) select {streamColumns} from {from}.mt_streams where id = any(@ids); " +
                $"insert into {to}.mt_events (seq_id, {string.Join(", ", eventColumns)}) select nextval('{to}.mt_events_sequence'), " +
                $"{string.Join(", ", eventColumns)} from {from}.mt_events where stream_id = any(@ids) order by seq_id; " +
                $"insert into {to}.mt_event_progression ({progressColumns}) select {progressColumns} from {from}.mt_event_progression " +
                "on conflict do nothing",
                connection);
            command.Parameters.AddWithValue("ids", new[] { seeded.Template, seeded.AuditPathway });
            await command.ExecuteNonQueryAsync();
        }

        return await Copy(postgres, target, seeded.Template, seeded.AuditPathway, patients);
    }

    /// <summary>Run with the system down: copies the template until the store holds <paramref name="patients"/> streams.</summary>
    public static async Task<Seeded> Copy(string postgres, Store store, Guid template, Guid auditPathway, int patients)
    {
        var ev = store.EventsSchema;
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        var streamColumns = await Columns(connection, ev, "mt_streams", "id");
        var eventColumns = await Columns(connection, ev, "mt_events", "seq_id", "id", "stream_id", "data");
        await Run(connection, "create temp table bench_copies(id uuid primary key)");
        var existing = await Sql.Scalar<long>(postgres, $"select count(*) from {ev}.mt_streams");
        for (var remaining = patients - existing; remaining > 0; remaining -= 10_000)
        {
            var n = (int)Math.Min(10_000, remaining);
            await Run(connection, "truncate bench_copies");
            await Run(connection, $"insert into bench_copies select gen_random_uuid() from generate_series(1, {n})");
            await Run(connection,
                $"insert into {ev}.mt_streams (id, {string.Join(", ", streamColumns)}) " +
                $"select c.id, {string.Join(", ", streamColumns.Select(x => "s." + x))} from bench_copies c cross join {ev}.mt_streams s where s.id = @t",
                template);
            await Run(connection,
                $"insert into {ev}.mt_events (seq_id, id, stream_id, data, {string.Join(", ", eventColumns)}) " +
                $"select nextval('{ev}.mt_events_sequence'), gen_random_uuid(), c.id, replace(e.data::text, @t::text, c.id::text)::jsonb, " +
                $"{string.Join(", ", eventColumns.Select(x => "e." + x))} from bench_copies c cross join {ev}.mt_events e where e.stream_id = @t " +
                "order by c.id, e.version",
                template);
        }

        await Run(connection, $"update {ev}.mt_event_progression set last_seq_id = (select max(seq_id) from {ev}.mt_events)");
        await Settle(connection, ev);
        var events = await Sql.Scalar<long>(postgres, $"select count(*) from {ev}.mt_events");
        return new Seeded(template, auditPathway, patients, events, watch.Elapsed);
    }

    /// <summary>
    /// Leaves the bulk-copied store as a long-lived one is: vacuumed, analysed and written out. Otherwise autovacuum
    /// and checkpoints work through the copy's gigabytes while the figures are measured (seen as the large store's
    /// P4 at half the small store's rate, with every audit query's plan unchanged).
    /// </summary>
    private static async Task Settle(NpgsqlConnection connection, string ev)
    {
        await Run(connection, $"vacuum (analyze) {ev}.mt_events, {ev}.mt_streams");
        await Run(connection, "checkpoint");
    }

    private static async Task<List<string>> Columns(NpgsqlConnection connection, string schema, string table, params string[] except)
    {
        await using var command = new NpgsqlCommand(
            "select column_name from information_schema.columns where table_schema = @s and table_name = @t order by ordinal_position", connection);
        command.Parameters.AddWithValue("s", schema);
        command.Parameters.AddWithValue("t", table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!except.Contains(name))
            {
                columns.Add(name);
            }
        }

        return columns;
    }

    private static async Task Run(NpgsqlConnection connection, string sql, Guid? template = null)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        if (template is { } t)
        {
            command.Parameters.AddWithValue("t", t);
        }

        await command.ExecuteNonQueryAsync();
    }
}
