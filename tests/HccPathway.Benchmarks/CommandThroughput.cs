using System.Diagnostics;
using HccPathway.DemoData;

namespace HccPathway.Benchmarks;

/// <summary>
/// P1: closed-loop clients, each registering a patient (a new stream) and recording their baseline (an append to an
/// existing stream, decided on the folded state), through Intake's HTTP API on Kestrel.
/// </summary>
public static class CommandThroughput
{
    /// <param name="CpuPerCommand">CPU milliseconds per command of each service process and of its PostgreSQL backends during the measured load.</param>
    public sealed record Result(
        double CommandsPerSecond, double EventsPerSecond, IReadOnlyList<ConversionJourney> Patients,
        IReadOnlyList<(string Name, double MillisecondsPerCommand)> CpuPerCommand);

    /// <summary>The first requests of a fresh process generate Marten's code and JIT the paths: a warm-up load, not counted.</summary>
    public static async Task<Result> Run(PathwaySystem system, int clients, TimeSpan duration, TimeSpan warmUp)
    {
        var warm = await Load(system, clients, warmUp);
        var measured = await Load(system, clients, duration);

        // Every registered patient with a baseline is a candidate for the reaction figure (P2).
        return measured with { Patients = [.. warm.Patients, .. measured.Patients] };
    }

    private static async Task<Result> Load(PathwaySystem system, int clients, TimeSpan duration)
    {
        var enrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-120);
        var patients = new System.Collections.Concurrent.ConcurrentBag<ConversionJourney>();
        var commands = 0;
        var sequenceBefore = await MaxSequence(system);
        var cpu = await CpuMeter.Start(system);
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            for (var i = 0; watch.Elapsed < duration; i++)
            {
                var journey = await ConversionJourney.Register(system.Api, enrolledOn, $"BENCH-{client}-{i}", "Benchmark Patient", new DateOnly(1960, 1, 1));
                Interlocked.Increment(ref commands);
                await journey.RecordBaseline();
                Interlocked.Increment(ref commands);
                patients.Add(journey);
            }
        }));
        var elapsed = watch.Elapsed.TotalSeconds;
        var cpuPerCommand = await cpu.PerCommand(commands);
        var appended = await MaxSequence(system) - sequenceBefore;
        return new Result(commands / elapsed, appended / elapsed, patients.ToList(), cpuPerCommand);
    }

    private static Task<long> MaxSequence(PathwaySystem system) =>
        Sql.Scalar<long>(system.Settings.Postgres, $"select coalesce(max(seq_id), 0)::bigint from {system.Store.EventsSchema}.mt_events");
}
