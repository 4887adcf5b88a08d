using System.Diagnostics;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Scheduling;
using HccPathway.Scheduling.Calendars;
using HccPathway.ServiceDefaults.EventStore;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HccPathway.Benchmarks;

/// <summary>
/// The coordinator's worklist across 10,000 patients on LEN-TAP (8 items each): tomorrow, and the coming week, through
/// the service's own query, against a raw SQL range scan returning the same rows from the same table.
/// </summary>
public static class WorklistBenchmark
{
    private const int Runs = 25;

    public static async Task<IReadOnlyList<Sample>> Run(string postgres, int patients)
    {
        var schema = $"bench_sched_{Guid.NewGuid():N}"[..24];
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = postgres,
            ["Pathway:EventsSchema"] = $"{schema}_ev",
            ["Pathway:DocumentsSchema"] = schema,
        });
        builder.AddPathwayEventStore(Owners.Scheduling, SchedulingDocuments.Configure);
        using var host = builder.Build();
        await host.StartAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await store.BulkInsertAsync(Entries(patients, today).ToList());

        var tomorrow = Time(store, today.AddDays(1), today.AddDays(1), today);
        var week = Time(store, today.AddDays(1), today.AddDays(7), today);
        var rawTomorrow = Raw(postgres, schema, today.AddDays(1), today.AddDays(1));
        var rawWeek = Raw(postgres, schema, today.AddDays(1), today.AddDays(7));
        var results = new[] { await rawTomorrow, await rawWeek, await tomorrow, await week };

        await host.StopAsync();
        await using (var connection = new NpgsqlConnection(postgres))
        {
            await connection.OpenAsync();
            await new NpgsqlCommand($"drop schema {schema} cascade; drop schema {schema}_ev cascade", connection).ExecuteNonQueryAsync();
        }

        return
        [
            new Sample("W1", $"worklist API query, tomorrow ({patients} patients on LEN-TAP)", "ms", results[2], "raw SQL range scan", results[0]),
            new Sample("W2", $"worklist API query, next 7 days ({patients} patients on LEN-TAP)", "ms", results[3], "raw SQL range scan", results[1]),
        ];
    }

    // LEN-TAP items: lenvatinib day 0, TACE day 14, camrelizumab from day 28 every 21 days; starts spread over 200 days.
    private static IEnumerable<WorklistEntry> Entries(int patients, DateOnly today)
    {
        string[] items = ["LEN-1", "TACE-1", "CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6"];
        int[] days = [0, 14, 28, 49, 70, 91, 112, 133];
        for (var p = 0; p < patients; p++)
        {
            var pathway = Guid.CreateVersion7();
            var start = today.AddDays(-(p % 200));
            for (var i = 0; i < items.Length; i++)
            {
                var due = start.AddDays(days[i]);
                var done = due < today;
                yield return new WorklistEntry
                {
                    Id = $"{pathway}/{items[i]}",
                    PathwayId = pathway,
                    ItemId = items[i],
                    ItemType = items[i][..items[i].IndexOf('-')].ToLowerInvariant(),
                    Drug = i == 0 ? Drugs.Lenvatinib : i == 1 ? Drugs.Tace : Drugs.Camrelizumab,
                    Sequence = i,
                    DueOn = due,
                    State = done ? WorklistEntry.States.Done : WorklistEntry.States.Planned,
                    ActualOn = done ? due : null,
                };
            }
        }
    }

    private static async Task<double> Time(IDocumentStore store, DateOnly from, DateOnly to, DateOnly asOf)
    {
        var (query, _) = WorklistQueries.Parse(from, to, null, null, asOf, 5000, DateOnly.FromDateTime(DateTime.UtcNow));
        return await Median(async () =>
        {
            await using var session = store.QuerySession();
            return (await WorklistQueries.Run(query!, session, ClinicalRuleSet.Default, CancellationToken.None)).Items.Count;
        });
    }

    private static async Task<double> Raw(string postgres, string schema, DateOnly from, DateOnly to)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        return await Median(async () =>
        {
            await using var command = new NpgsqlCommand(
                $"select data from {schema}.mt_doc_worklistentry where (state = 'planned' and due_on between @f and @t) " +
                $"or (state = 'done' and actual_on between @f and @t) order by due_on limit 5001", connection);
            command.Parameters.AddWithValue("f", from);
            command.Parameters.AddWithValue("t", to);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = 0;
            while (await reader.ReadAsync())
            {
                _ = reader.GetString(0);
                rows++;
            }

            return rows;
        });
    }

    private static async Task<double> Median(Func<Task<int>> run)
    {
        await run();
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[Runs / 2];
    }
}
