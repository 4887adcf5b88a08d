using HccPathway.Benchmarks;

// Measures the pathway against this machine's own limits, measured in the same run: every figure is reported as a
// ratio to its baseline, with min/median/max over several runs. Run it with deploy/local/bench.sh (see README.md).
// It is never part of the pass/fail test suite.
var settings = Settings.Parse(args);
var started = DateTimeOffset.UtcNow;
var results = new Results(settings);
Console.WriteLine($"HccPathway benchmarks: {(settings.Quick ? "quick" : "full")}, {settings.Runs} run(s); results in {settings.OutputDirectory}");

if (args.Contains("--relay-only"))
{
    // The relay figure alone (B2 and P3), for tuning the relay: no stores to seed, a few minutes per run.
    for (var run = 1; run <= settings.Runs; run++)
    {
        Console.WriteLine($"Run {run} of {settings.Runs} (relay only)");
        results.StartRun();
        await Scenarios.Relay(settings, results);
    }

    await results.Write(started);
    return;
}

if (args.Contains("--commands-only"))
{
    // B1, cold starts and P1 on an empty store (a minute or two per run), for profiling the command path.
    for (var run = 1; run <= settings.Runs; run++)
    {
        Console.WriteLine($"Run {run} of {settings.Runs} (commands only)");
        results.StartRun();
        await Scenarios.Commands(settings, results);
    }

    await results.Write(started);
    return;
}

// The large store is seeded once; copying the template inside PostgreSQL takes a minute or two at 100,000 patients.
var large = Store.New("large");
try
{
    Console.WriteLine($"Seeding the large store ({settings.LargeStorePatients:N0} patients) ...");
    var largeSeed = await Scenarios.Seed(settings, large, settings.LargeStorePatients);
    Console.WriteLine($"  {largeSeed.Events:N0} events in {largeSeed.Took.TotalSeconds:0} s");
    for (var run = 1; run <= settings.Runs; run++)
    {
        Console.WriteLine($"Run {run} of {settings.Runs}");
        results.StartRun();
        if (args.Contains("--audit-only"))
        {
            await AuditScale.Run(settings, results, large, largeSeed);
        }
        else
        {
            await Scenarios.Run(settings, results, large, largeSeed);
        }

        // Written after every run, so an interrupted command still leaves the runs it finished.
        await results.Write(started, quiet: run < settings.Runs);
    }
}
finally
{
    await large.Drop(settings.Postgres);
}

if (args.Contains("--worklist"))
{
    results.StartRun();
    foreach (var sample in await WorklistBenchmark.Run(settings.Postgres, 10_000))
    {
        results.Add(sample);
    }

    await results.Write(started);
}
