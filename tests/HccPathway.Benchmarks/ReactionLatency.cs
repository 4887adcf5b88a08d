using System.Collections.Concurrent;
using HccPathway.DemoData;
using Npgsql;

namespace HccPathway.Benchmarks;

/// <summary>
/// P2: enrolments sent at a steady rate (open loop) to Intake; Intake's relay publishes PatientEnrolled, Scheduling
/// consumes it and appends RegimenPlanned to the same stream. Latency is from sending the HTTP command to the commit
/// timestamp PostgreSQL gave the RegimenPlanned append (same host clock).
/// </summary>
public static class ReactionLatency
{
    private const string Reaction = "scheduling.regimen-planned.v1";

    private const int WarmUpPatients = 20;

    /// <summary>The latencies in ms, and how many of the candidates were used (the next run takes the rest).</summary>
    public sealed record Result(IReadOnlyList<double> Latencies, int Used);

    public static async Task<Result> Run(PathwaySystem system, IReadOnlyList<ConversionJourney> candidates, int rate, TimeSpan duration)
    {
        // A few enrolments first, not counted: the first of each path generates code and JITs in every service.
        var warmUp = candidates.Take(WarmUpPatients).ToList();
        await Parallel.ForEachAsync(warmUp, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (p, _) =>
        {
            await p.DecideEligibility();
            await p.Enrol();
        });
        await WaitForReactions(system, warmUp.Select(p => p.PathwayId).ToArray(), TimeSpan.FromMinutes(2));

        var count = Math.Min(candidates.Count - WarmUpPatients, (int)(rate * duration.TotalSeconds));
        var patients = candidates.Skip(WarmUpPatients).Take(count).ToList();

        // Eligibility first, not timed: the figure is about the enrolment and the reaction to it.
        await Parallel.ForEachAsync(patients, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, _) => await p.DecideEligibility());

        var sent = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var start = DateTimeOffset.UtcNow;
        var pending = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var due = start + interval * i;
            var wait = due - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var patient = patients[i];
            sent[patient.PathwayId] = DateTimeOffset.UtcNow;
            pending.Add(patient.Enrol());
        }

        await Task.WhenAll(pending);
        var reactions = await WaitForReactions(system, sent.Keys.ToArray(), TimeSpan.FromMinutes(2));
        return new Result(reactions.Select(r => (r.Value - sent[r.Key]).TotalMilliseconds).ToList(), WarmUpPatients + count);
    }

    private static async Task<Dictionary<Guid, DateTimeOffset>> WaitForReactions(PathwaySystem system, Guid[] ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            await using var connection = new NpgsqlConnection(system.Settings.Postgres);
            await connection.OpenAsync();
            await using var select = new NpgsqlCommand(
                $"select stream_id, min(timestamp) from {system.Store.EventsSchema}.mt_events " +
                "where type = @type and stream_id = any(@ids) group by stream_id", connection);
            select.Parameters.AddWithValue("type", Reaction);
            select.Parameters.AddWithValue("ids", ids);
            var found = new Dictionary<Guid, DateTimeOffset>();
            await using (var reader = await select.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    found[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
            }

            if (found.Count == ids.Length)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Only {found.Count} of {ids.Length} enrolments were planned by Scheduling.");
            }

            await Task.Delay(200);
        }
    }
}
