using System.Collections.Concurrent;
using System.Diagnostics;

namespace HccPathway.Faults.Tests.Harness;

/// <summary>A fault to inject at a given time into a soak; <see cref="Down"/> is how long the part stays down (random when null).</summary>
public sealed record ScheduledFault(TimeSpan At, string Kind, TimeSpan? Down = null);

/// <summary>A fault as it was injected: when, and what.</summary>
public sealed record InjectedFault(TimeSpan At, string Name);

/// <summary>What a soak ended with: the load's outcomes, the faults injected and the delivery report after settling.</summary>
public sealed record SoakResult(
    int Seed,
    TimeSpan Elapsed,
    TimeSpan LoadStoppedAt,
    int PatientsCompleted,
    CommandOutcomes Outcomes,
    IReadOnlyList<InjectedFault> Faults,
    int DuplicatesInjected,
    int WatchdogInterventions,
    DeliveryReport Report)
{
    /// <summary>
    /// Responses of 500 and above other than 503 (see <see cref="CommandOutcomes.ServerError"/>). A 503 is what a
    /// service answers while its database is unavailable, with Retry-After, and the load retries it: it is counted apart
    /// and allowed.
    /// </summary>
    public int ServerErrors => Outcomes[CommandOutcomes.ServerError];

    /// <summary>Nothing lost, every consumer handled every message, nothing applied twice, no 5xx other than 503.</summary>
    public bool Ok => Report.Complete && Report.Ratio == 1.00m && Report.RepeatedEffects == 0 && ServerErrors == 0;

    public IReadOnlyDictionary<string, int> FaultCounts =>
        Faults.GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.Count());

    private string FaultList => string.Join(", ", FaultCounts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}"));

    /// <summary>One line: events committed and delivered (by relay), faults, repeated effects and 5xx.</summary>
    public string Summary =>
        $"soak {Elapsed:mm\\:ss} (load {LoadStoppedAt:mm\\:ss}, seed {Seed}): {PatientsCompleted} patients, {Outcomes.Attempts} command attempts; " +
        $"events committed {Report.Committed}, delivered {Report.DeliveredDistinct} (by relay {string.Join(", ", Report.Relays)}), lost {Report.Lost}; " +
        $"faults injected {Faults.Count} ({FaultList}); duplicates on the wire {Report.WireDuplicates} (injected {DuplicatesInjected}); " +
        $"watchdog interventions {WatchdogInterventions}; repeated side effects {Report.RepeatedEffects}; 5xx {ServerErrors} " +
        $"(503 allowed: {Outcomes[CommandOutcomes.Unavailable] + Outcomes[CommandOutcomes.UnavailableWithoutRetryAfter]})";

    /// <summary>The report the console soak prints at the end.</summary>
    public IEnumerable<string> Lines()
    {
        yield return $"Soak finished after {Elapsed:mm\\:ss} (seed {Seed}).";
        yield return $"  patients completed:        {PatientsCompleted}";
        yield return $"  command attempts:          {Outcomes.Attempts} ({Outcomes})";
        yield return $"  faults injected:           {Faults.Count} ({FaultList})";
        yield return $"  events committed:          {Report.Committed}";
        yield return $"  events delivered:          {Report.DeliveredDistinct} distinct (ratio {Report.Ratio:0.00}), lost {Report.Lost}";
        yield return $"  delivered by relay:        {string.Join(", ", Report.Relays)}";
        yield return $"  duplicates on the wire:    {Report.WireDuplicates} absorbed (of which {DuplicatesInjected} injected on purpose)";
        foreach (var consumer in Report.Consumers)
        {
            yield return $"  {consumer.Consumer,-28} {consumer.Processed}/{consumer.Expected} handled once (idempotency records)";
        }

        foreach (var lost in Report.LostEvents)
        {
            yield return $"  not on the wire:           {lost}";
        }

        yield return $"  relay watchdog restarts:   {WatchdogInterventions}";
        yield return $"  repeated side effects:     {Report.RepeatedEffects}";
        yield return $"  500 responses:             {ServerErrors}";
    }
}

/// <summary>
/// The soak, shared by the console soak (deploy/local/soak.sh: random faults for N minutes) and the short soak of the
/// test suite (fixed faults at fixed times): patients driven through intake (and, through RabbitMQ, Scheduling and
/// Assessment) until the time is up while faults are injected, then a bounded wait for delivery to settle.
/// </summary>
public sealed class SoakRun(FaultySystem system, int seed, Action<string> log)
{
    /// <summary>The fault kinds: RabbitMQ restarted, PostgreSQL restarted, a service SIGKILLed and started again, delivered enrolments published again.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["broker", "postgres", "intake", "scheduling", "assessment", "duplicates"];

    private readonly Random random = new(seed);
    private readonly Stopwatch clock = new();
    private readonly ConcurrentQueue<InjectedFault> injected = new();
    private int duplicatesInjected;

    public TimeSpan Elapsed => clock.Elapsed;

    /// <summary>
    /// Runs the load for <paramref name="duration"/> (each batch of 8 patients, 4 at a time, runs to its end), and longer
    /// if the last fault is not over yet, while <paramref name="faults"/> injects faults, then waits up to
    /// <paramref name="settleWithin"/> for delivery to settle.
    /// </summary>
    public async Task<SoakResult> Run(TimeSpan duration, Func<SoakRun, TimeSpan, Task> faults, TimeSpan settleWithin)
    {
        var outcomes = new CommandOutcomes();
        var load = new PathwayLoad(system.IntakeClient, outcomes);
        clock.Restart();

        // The load goes on until the last fault is over, so each fault and the recovery after it meet commands.
        var injecting = Task.Run(() => faults(this, duration));
        var driving = Task.Run(async () =>
        {
            while (clock.Elapsed < duration || !injecting.IsCompleted)
            {
                await load.Run(8, 4, () => Task.Delay(Next(20, 200)));
            }
        });

        await Task.WhenAll(driving, injecting);
        var loadStopped = clock.Elapsed;
        log($"[{clock.Elapsed:mm\\:ss}] Load stopped; waiting for delivery to settle…");
        var report = await system.Settle(settleWithin);
        return new SoakResult(seed, clock.Elapsed, loadStopped, load.PatientsCompleted, outcomes, injected.ToArray(), duplicatesInjected,
            system.WatchdogInterventions, report);
    }

    /// <summary>The console soak's faults: one of <paramref name="kinds"/> every 15 to 45 s, none in the last 20 s.</summary>
    public static Func<SoakRun, TimeSpan, Task> RandomFaults(IReadOnlyList<string> kinds) => async (soak, duration) =>
    {
        var quiet = duration - TimeSpan.FromSeconds(20);
        while (soak.Elapsed < quiet)
        {
            // A wait that would end in the quiet time ends the faults at once: none would come after it, and the load
            // (which goes on while a fault is under way) need not wait for it.
            var wait = TimeSpan.FromSeconds(soak.Next(15, 45));
            if (soak.Elapsed + wait >= quiet)
            {
                break;
            }

            await Task.Delay(wait);
            if (soak.Elapsed >= quiet)
            {
                break;
            }

            await soak.Inject(kinds[soak.Next(0, kinds.Count)]);
        }
    };

    /// <summary>Faults at fixed times from the start of the load, one after another (a fault that takes long delays the next).</summary>
    public static Func<SoakRun, TimeSpan, Task> FaultsAt(params ScheduledFault[] plan) => async (soak, _) =>
    {
        foreach (var fault in plan.OrderBy(f => f.At))
        {
            if (fault.At > soak.Elapsed)
            {
                await Task.Delay(fault.At - soak.Elapsed);
            }

            await soak.Inject(fault.Kind, fault.Down);
        }
    };

    /// <summary>Injects one fault of <paramref name="kind"/> (one of <see cref="Kinds"/>) and waits until the part is back.</summary>
    public async Task Inject(string kind, TimeSpan? down = null)
    {
        var name = kind switch
        {
            "broker" => "RabbitMQ restarted",
            "postgres" => "PostgreSQL restarted",
            "intake" => "Intake SIGKILLed",
            "scheduling" => "Scheduling SIGKILLed",
            "assessment" => "Assessment SIGKILLed",
            "duplicates" => "enrolments published twice",
            _ => throw new ArgumentException($"Unknown fault kind {kind}. Known: {string.Join(", ", Kinds)}.", nameof(kind)),
        };
        var at = clock.Elapsed;
        log($"[{at:mm\\:ss}] {name}; so far: {await system.Report()}");
        switch (kind)
        {
            case "broker":
                await system.Broker.Stop();
                await Task.Delay(down ?? TimeSpan.FromSeconds(Next(1, 6)));
                await system.Broker.StartServer();
                break;
            case "postgres":
                await system.Postgres.Restart();
                break;
            case "intake" or "scheduling" or "assessment":
                var service = kind switch { "intake" => system.Intake, "scheduling" => system.Scheduling, _ => system.Assessment };
                await service.Kill();
                await Task.Delay(down ?? TimeSpan.FromSeconds(Next(0, 4)));
                await service.Start();
                break;
            default:
                Interlocked.Add(ref duplicatesInjected, await system.Wire.Republish(Next(1, 6)));
                break;
        }

        injected.Enqueue(new InjectedFault(at, name));
    }

    // The load's workers and the injector draw from one seeded generator, which is not safe for concurrent use.
    private int Next(int minValue, int maxValue)
    {
        lock (random)
        {
            return random.Next(minValue, maxValue);
        }
    }
}
