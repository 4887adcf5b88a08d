using System.Collections.Concurrent;
using System.Diagnostics;
using HccPathway.Faults.Tests.Harness;

// The bounded soak: patients driven through intake (and, through RabbitMQ, Scheduling and Assessment) for the given
// minutes while faults are injected at random moments: RabbitMQ restarted, PostgreSQL restarted, a service killed with
// SIGKILL, delivered enrolments published again. Then it waits for delivery to settle and reports the counts.
// Exit code 0 only when nothing was lost, nothing was applied twice and no command got a 500.
var kinds = new[] { "broker", "postgres", "intake", "scheduling", "assessment", "duplicates" };
var chosen = OptionText("--faults") is { } listed ? listed.Split(',', StringSplitOptions.TrimEntries) : kinds;
if (chosen.Except(kinds).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown fault kinds: {string.Join(", ", unknown)}. Known: {string.Join(", ", kinds)}.");
    return 2;
}

var minutes = Option("--minutes", 10);
var seed = Option("--seed", Environment.TickCount);
var random = new Random(seed);
Console.WriteLine($"Soak: {minutes} min, seed {seed}. Starting a private PostgreSQL, RabbitMQ and the services…");

await using var system = await FaultySystem.Start();
var outcomes = new CommandOutcomes();
var load = new PathwayLoad(system.IntakeClient, outcomes);
var faults = new ConcurrentDictionary<string, int>();
var duplicatesInjected = 0;
var clock = Stopwatch.StartNew();
var end = TimeSpan.FromMinutes(minutes);
using var stop = new CancellationTokenSource();

var driving = Task.Run(async () =>
{
    while (clock.Elapsed < end)
    {
        await load.Run(8, 4, () => Task.Delay(random.Next(20, 200)));
    }
});

var injecting = Task.Run(async () =>
{
    while (clock.Elapsed < end - TimeSpan.FromSeconds(20))
    {
        await Task.Delay(TimeSpan.FromSeconds(random.Next(15, 45)));
        if (clock.Elapsed >= end - TimeSpan.FromSeconds(20))
        {
            break;
        }

        var fault = Array.IndexOf(kinds, chosen[random.Next(chosen.Length)]);
        var name = fault switch
        {
            0 => "RabbitMQ restarted",
            1 => "PostgreSQL restarted",
            2 => "Intake SIGKILLed",
            3 => "Scheduling SIGKILLed",
            4 => "Assessment SIGKILLed",
            _ => "enrolments published twice",
        };
        Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {name}; so far: {await system.Report()}");
        switch (fault)
        {
            case 0:
                await system.Broker.Stop();
                await Task.Delay(TimeSpan.FromSeconds(random.Next(1, 6)));
                await system.Broker.StartServer();
                break;
            case 1:
                await system.Postgres.Restart();
                break;
            case 2 or 3 or 4:
                var service = system.Services[fault - 2];
                await service.Kill();
                await Task.Delay(TimeSpan.FromSeconds(random.Next(0, 4)));
                await service.Start();
                break;
            default:
                Interlocked.Add(ref duplicatesInjected, await system.Wire.Republish(random.Next(1, 6)));
                break;
        }

        faults.AddOrUpdate(name, 1, (_, n) => n + 1);
    }
});

await Task.WhenAll(driving, injecting);
Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] Load stopped; waiting for delivery to settle…");
var report = await system.Settle(TimeSpan.FromMinutes(3));

Console.WriteLine();
Console.WriteLine($"Soak finished after {clock.Elapsed:mm\\:ss} (seed {seed}).");
Console.WriteLine($"  patients completed:        {load.PatientsCompleted}");
Console.WriteLine($"  command attempts:          {outcomes.Attempts} ({outcomes})");
Console.WriteLine($"  faults injected:           {faults.Values.Sum()} ({string.Join(", ", faults.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}"))})");
Console.WriteLine($"  events committed:          {report.Committed}");
Console.WriteLine($"  events delivered:          {report.DeliveredDistinct} distinct (ratio {report.Ratio:0.00}), lost {report.Lost}");
Console.WriteLine($"  duplicates on the wire:    {report.WireDuplicates} absorbed (of which {duplicatesInjected} injected on purpose)");
foreach (var consumer in report.Consumers)
{
    Console.WriteLine($"  {consumer.Consumer,-28} {consumer.Processed}/{consumer.Expected} handled once (idempotency records)");
}

foreach (var lost in report.LostEvents)
{
    Console.WriteLine($"  not on the wire:           {lost}");
}

Console.WriteLine($"  repeated side effects:     {report.RepeatedEffects}");
Console.WriteLine($"  500 responses:             {outcomes[CommandOutcomes.ServerError]}");
if (report.Lost > 0 && Environment.GetEnvironmentVariable("HCC_SERVICE_LOG_DIR") is { Length: > 0 } evidence)
{
    await system.WriteLossEvidence(evidence);
    Console.WriteLine($"  evidence:                  {evidence}/lost-events.txt, progression.txt");
}

var ok = report.Complete && report.Ratio == 1.00m && report.RepeatedEffects == 0 && outcomes[CommandOutcomes.ServerError] == 0;
Console.WriteLine(ok ? "RESULT: zero lost, zero applied twice." : "RESULT: FAILED");
return ok ? 0 : 1;

int Option(string name, int fallback) => int.TryParse(OptionText(name), out var value) ? value : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
