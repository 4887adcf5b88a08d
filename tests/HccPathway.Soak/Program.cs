using HccPathway.Faults.Tests.Harness;

// The bounded soak: patients driven through intake (and, through RabbitMQ, Scheduling and Assessment) for the given
// minutes while faults are injected at random moments: RabbitMQ restarted, PostgreSQL restarted, a service killed with
// SIGKILL, delivered enrolments published again. Then it waits for delivery to settle and reports the counts.
// With --no-watchdog no relay is rescued, so a relay that stands still shows as a loss.
// Exit code 0 only when nothing was lost, nothing was applied twice and no command got a 500.
// The load, the faults and the counts are the harness's SoakRun, which the test suite's short soak runs too.
var kinds = SoakRun.Kinds;
var chosen = OptionText("--faults") is { } listed ? listed.Split(',', StringSplitOptions.TrimEntries) : kinds.ToArray();
if (chosen.Except(kinds).ToArray() is { Length: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown fault kinds: {string.Join(", ", unknown)}. Known: {string.Join(", ", kinds)}.");
    return 2;
}

var minutes = Option("--minutes", 10);
var watchdog = !args.Contains("--no-watchdog");
var seed = Option("--seed", Environment.TickCount);
Console.WriteLine($"Soak: {minutes} min, seed {seed}, relay watchdog {(watchdog ? "on" : "off")}. Starting a private PostgreSQL, RabbitMQ and the services…");

await using var system = await FaultySystem.Start(watchdog);
var soak = new SoakRun(system, seed, Console.WriteLine);
var result = await soak.Run(TimeSpan.FromMinutes(minutes), SoakRun.RandomFaults(chosen), settleWithin: TimeSpan.FromMinutes(3));

Console.WriteLine();
foreach (var line in result.Lines())
{
    Console.WriteLine(line);
}

if (result.Report.Lost > 0 && Environment.GetEnvironmentVariable("HCC_SERVICE_LOG_DIR") is { Length: > 0 } evidence)
{
    await system.WriteLossEvidence(evidence);
    Console.WriteLine($"  evidence:                  {evidence}/lost-events.txt, progression.txt");
}

Console.WriteLine(result.Ok ? "RESULT: zero lost, zero applied twice." : "RESULT: FAILED");
return result.Ok ? 0 : 1;

int Option(string name, int fallback) => int.TryParse(OptionText(name), out var value) ? value : fallback;

string? OptionText(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
