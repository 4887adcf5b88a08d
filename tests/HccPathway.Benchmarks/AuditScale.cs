using Npgsql;

namespace HccPathway.Benchmarks;

/// <summary>
/// <c>--audit-only</c>: P4 and B4 on the small and the large store, before and after a P1 load, with the query plans
/// of the audit reads, to see what (if anything) makes the audit API slower on a large store.
/// </summary>
public static class AuditScale
{
    private static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(3);

    public static async Task Run(Settings settings, Results results, Store large, StoreSeeder.Seeded largeSeed)
    {
        await using var broker = await Broker.Create(settings, "audit");
        var small = Store.New("small");
        try
        {
            await (await PathwaySystem.Start(settings, small, broker.Amqp)).DisposeAsync();
            var smallSeed = await StoreSeeder.CopyFrom(settings.Postgres, large, largeSeed, small, settings.SmallStorePatients);
            foreach (var (name, store, pathway) in new[] { ("small", small, smallSeed.AuditPathway), ("large", large, largeSeed.AuditPathway) })
            {
                await using var system = await PathwaySystem.Start(settings, store, broker.Amqp);
                await Measure(settings, results, system, broker, name, pathway, "before-P1");
                await CommandThroughput.Run(system, settings.CommandClients, settings.CommandLoad, settings.WarmUp);
                await Measure(settings, results, system, broker, name, pathway, "after-P1");
            }
        }
        finally
        {
            await small.Drop(settings.Postgres);
        }
    }

    private static async Task Measure(
        Settings settings, Results results, PathwaySystem system, Broker broker, string store, Guid pathway, string when)
    {
        await Quiet.Wait(system, broker, SettleTimeout);
        var b4 = await Baselines.ReadStream(settings.Postgres, system.Store.EventsSchema, pathway, settings.AuditReads);
        var audit = await AuditReplay.Run(system, pathway, settings.AuditReads);
        if (Environment.GetEnvironmentVariable("HCC_BENCH_AUDIT_LOAD_SECONDS") is { } seconds && when == "before-P1" && store == "small")
        {
            // Keeps the audit service busy with P4's reads, to profile it (dotnet-trace collect -p <pid>).
            Console.WriteLine($"  audit process {system.Processes[4].ProcessId}: reading for {seconds} s");
            var until = DateTime.UtcNow.AddSeconds(double.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture));
            while (DateTime.UtcNow < until)
            {
                await AuditReplay.Run(system, pathway, 10);
            }
        }

        var id = $"{store}-{when}";
        results.Add(new Sample($"B4-{id}", $"B4 on the {store} store, {when}", "ms", b4));
        results.Add(new Sample($"P4-{id}", $"P4 on the {store} store, {when}", "ms", audit.Both, $"B4-{id}", b4));
        results.Add(new Sample($"P4-history-{id}", $"P4 history on the {store} store, {when}", "ms", audit.History, $"B4-{id}", b4));
        results.Add(new Sample($"P4-replay-{id}", $"P4 replay on the {store} store, {when}", "ms", audit.Replay, $"B4-{id}", b4));
        results.Add(new Sample($"P4-floor-{id}", $"P4 floor (404) on the {store} store, {when}", "ms", audit.Floor, $"B4-{id}", b4));
        await Plans(settings.Postgres, system.Store, pathway, id);
    }

    private static async Task Plans(string postgres, Store store, Guid pathway, string id)
    {
        var ev = store.EventsSchema;
        var audit = store.DocumentsSchema("audit");
        string[] queries =
        [
            $"select exists(select 1 from {ev}.mt_events where stream_id = @id and tenant_id = @tenant)",
            $"select count(*) from {ev}.mt_events where stream_id = @id and tenant_id = @tenant",
            $"select coalesce(max(version), 0) from {ev}.mt_events where stream_id = @id and tenant_id = @tenant",
            $"select seq_id, data::text from {ev}.mt_events where stream_id = @id and tenant_id = @tenant order by version limit 500",
            $"select count(*) from {audit}.mt_doc_auditread",
        ];
        var tenant = await Sql.Scalar<string>(postgres, $"select tenant_id from {ev}.mt_events where stream_id = @id limit 1", ("id", pathway));
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        Console.WriteLine($"  plans ({id}):");
        foreach (var sql in queries)
        {
            await using var command = new NpgsqlCommand($"explain (analyze, buffers) {sql}", connection);
            command.Parameters.AddWithValue("id", pathway);
            command.Parameters.AddWithValue("tenant", tenant);
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"    {sql}");
            while (await reader.ReadAsync())
            {
                Console.WriteLine($"      {reader.GetString(0)}");
            }
        }
    }
}
