using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing.Faults;

namespace HccPathway.Faults.Tests.Harness;

/// <summary>Committed events against what reached the wire and the consumers, after a run with faults.</summary>
public sealed record DeliveryReport(
    int Committed,
    int DeliveredDistinct,
    int Lost,
    long WireDeliveries,
    long WireDuplicates,
    IReadOnlyList<ConsumerCount> Consumers,
    long RepeatedEffects,
    IReadOnlyList<string> LostEvents,
    IReadOnlyList<RelayCount> Relays)
{
    /// <summary>Delivered over committed, truncated (not rounded) to two decimals, so one lost event in 300 shows as 0.99.</summary>
    public decimal Ratio => Committed == 0 ? 0 : Math.Floor((decimal)DeliveredDistinct / Committed * 100) / 100;

    public bool Complete => Lost == 0 && Consumers.All(c => c.Processed == c.Expected);

    public override string ToString() =>
        $"committed {Committed}, delivered {DeliveredDistinct} distinct (ratio {Ratio:0.00}), lost {Lost}, wire deliveries {WireDeliveries} " +
        $"(duplicates absorbed {WireDuplicates}); " +
        string.Join("; ", Consumers.Select(c => $"{c.Consumer}: {c.Processed}/{c.Expected} processed")) +
        "; by relay: " + string.Join(", ", Relays) +
        $"; repeated side effects {RepeatedEffects}" + (LostEvents.Count > 0 ? "; not on the wire: " + string.Join(", ", LostEvents) : "");
}

public sealed record ConsumerCount(string Consumer, long Expected, long Processed);

/// <summary>The committed events of the types one service's relay publishes, and how many of them reached the wire.</summary>
public sealed record RelayCount(string Service, int Committed, int Delivered)
{
    public override string ToString() => $"{Service} {Delivered}/{Committed}";
}

/// <summary>
/// PostgreSQL and RabbitMQ of its own, Intake, Scheduling and Assessment as real processes against them, and an
/// outside subscriber that counts the wire. Fault tests and the soak stop, restart and kill its parts.
/// </summary>
public sealed class FaultySystem : IAsyncDisposable
{
    private FaultySystem(PrivatePostgres postgres, PrivateRabbitMq broker, WireLedger wire)
    {
        Postgres = postgres;
        Broker = broker;
        Wire = wire;
        Store = new EventStoreLedger(postgres.ConnectionString);
    }

    public PrivatePostgres Postgres { get; }

    public PrivateRabbitMq Broker { get; }

    public WireLedger Wire { get; }

    public EventStoreLedger Store { get; }

    public ServiceProcess Intake { get; private set; } = null!;

    public ServiceProcess Scheduling { get; private set; } = null!;

    public ServiceProcess Assessment { get; private set; } = null!;

    public IReadOnlyList<ServiceProcess> Services => [Intake, Scheduling, Assessment];

    /// <summary>
    /// Times a service's relay watchdog stopped a relay that stood still with events waiting, so the daemon would start
    /// it again: counted from the warning it logs (services log at Warning and above here).
    /// </summary>
    public int WatchdogInterventions => Volatile.Read(ref watchdogInterventions);

    private int watchdogInterventions;

    /// <param name="intakeSettings">Configuration for Intake alone, on top of what every service gets.</param>
    public static Task<FaultySystem> Start(params (string Key, string Value)[] intakeSettings) => Start(watchdog: true, intakeSettings);

    /// <param name="watchdog">
    /// False turns every service's relay watchdog off, so a relay that stands still is a loss in the report instead of
    /// a restart (the soak's --no-watchdog).
    /// </param>
    /// <param name="intakeSettings">Configuration for Intake alone, on top of what every service gets.</param>
    public static async Task<FaultySystem> Start(bool watchdog, params (string Key, string Value)[] intakeSettings)
    {
        var postgresStarting = PrivatePostgres.Start();
        var brokerStarting = PrivateRabbitMq.Start();
        var postgres = await postgresStarting;
        var broker = await brokerStarting;

        // Bound before anything is published, so it counts from the first event.
        var system = new FaultySystem(postgres, broker, await WireLedger.Subscribe(broker.Amqp, "fault-ledger"));
        (string, string)[] everyService = watchdog ? [] : [("Pathway__RelayWatchdog__Enabled", "false")];
        system.Intake = system.Service("Intake", "HccPathway.Intake", [.. everyService, .. intakeSettings]);
        system.Scheduling = system.Service("Scheduling", "HccPathway.Scheduling", everyService);
        system.Assessment = system.Service("Assessment", "HccPathway.Assessment", everyService);

        await ServiceProcess.StartInOrder(system.Services, system);

        return system;
    }

    public HttpClient IntakeClient() => Intake.ClientAs(Roles.Clinician, "dr-faults");

    /// <summary>Waits until every committed event is on the wire and every consumer has handled every message it reacts to.</summary>
    public async Task<DeliveryReport> Settle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var report = await Report();
            if (report.Complete || DateTime.UtcNow > deadline)
            {
                return report;
            }

            await Task.Delay(500);
        }
    }

    public async Task<DeliveryReport> Report()
    {
        // One look at the wire per event, so the totals and the counts by relay agree while deliveries still arrive.
        var committed = (await Store.CommittedEvents()).Select(e => (e.Id, e.Type, Seen: Wire.Saw(e.Id))).ToList();
        var lost = committed.Count(e => !e.Seen);
        var relays = committed
            .GroupBy(e => EventCatalog.All.FirstOrDefault(c => c.Name == e.Type)?.Owner ?? "unknown (" + e.Type + ")")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new RelayCount(g.Key, g.Count(), g.Count(e => e.Seen)))
            .ToList();
        var consumers = new List<ConsumerCount>();
        long repeated = 0;
        foreach (var (consumer, schema, reacts, effect) in EventStoreLedger.Consumers)
        {
            consumers.Add(new ConsumerCount(consumer, await Store.CountEvents(reacts), await Store.Processed(consumer, schema)));
            repeated += await Store.StreamsWithRepeated(effect);
        }

        var lostEvents = lost > 0 ? await Store.Describe(committed.Where(e => !e.Seen).Select(e => e.Id).Take(10)) : [];
        return new DeliveryReport(committed.Count, committed.Count - lost, lost, Wire.Deliveries, Wire.Duplicates, consumers, repeated, lostEvents, relays);
    }

    private ServiceProcess Service(string folder, string project, params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__pathway"] = Postgres.ConnectionString,
            ["ConnectionStrings__messaging"] = Broker.Amqp.ToString(),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
            ["DOTNET_gcServer"] = "0",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "",
        };

        // A kept log (the soak) also records when the daemon moved each relay and the high water mark, with times.
        if (Environment.GetEnvironmentVariable("HCC_SERVICE_LOG_DIR") is { Length: > 0 })
        {
            environment["Logging__Console__TimestampFormat"] = "HH:mm:ss.fff ";
            environment["Logging__Console__UseUtcTimestamp"] = "true";
            environment["Logging__LogLevel__JasperFx.Events"] = "Information";
            environment["Logging__LogLevel__Marten.Events.Daemon"] = "Information";
            environment["Logging__LogLevel__HccPathway.ServiceDefaults.Messaging.EventRelay"] = "Debug";
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var process = new ServiceProcess(folder.ToLowerInvariant(), ServiceProcess.Locate(folder, project), ChildProcesses.FreePort(), environment);
        process.LineWritten += line =>
        {
            // RelayWatchdog's warning: "Relay {Shard} has stood still at {Position} ... stopping it so it starts again".
            if (line.Contains("has stood still at", StringComparison.Ordinal) && line.Contains("stopping it", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref watchdogInterventions);
            }
        };
        return process;
    }

    /// <summary>Writes what a loss needs for tracing: the lost events, the daemon's progress rows and its high-water skips.</summary>
    public async Task WriteLossEvidence(string directory)
    {
        var committed = await Store.CommittedEventIds();
        var lost = committed.Where(id => !Wire.Saw(id)).ToList();
        await File.WriteAllLinesAsync(Path.Combine(directory, "lost-events.txt"), await Store.Describe(lost));
        await File.WriteAllLinesAsync(Path.Combine(directory, "progression.txt"), await Store.Progression());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var service in Services.Where(s => s is not null).Reverse())
        {
            await service.DisposeAsync();
        }

        await Wire.DisposeAsync();
        await Broker.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
