using HccPathway.Faults.Tests.Harness;
using Xunit.Abstractions;

namespace HccPathway.Faults.Tests.Soak;

/// <summary>
/// The soak of deploy/local/soak.sh (the same <see cref="SoakRun"/>: load, faults and counts), short and with its faults
/// at fixed times, so that every run of the suite has one: two minutes of patients driven through intake, 4 at a time,
/// with Scheduling and Assessment reacting through RabbitMQ, on a private PostgreSQL and RabbitMQ with the services as
/// real processes. RabbitMQ is restarted at 40 s, delivered enrolments are published again at 60 s, Intake is killed
/// with SIGKILL at 80 s and Scheduling at 100 s, each started again. After a bounded wait for the relays and consumers
/// to drain: every committed event of each relay's types is on the wire, every consumer handled every message once, no
/// side effect happened twice, and no command got a 5xx. As in the console soak, a 503 (a service's answer while its
/// database is unavailable, retried by the load after its Retry-After) is counted apart and allowed; every other
/// status of 500 and above fails the test. Commands that get no answer while a service is down are retried.
/// </summary>
public sealed class ShortSoakTests(ITestOutputHelper output)
{
    private const int Seed = 20261207;
    private static readonly TimeSpan LoadFor = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SettleWithin = TimeSpan.FromMinutes(3);

    private static readonly ScheduledFault[] Faults =
    [
        new(TimeSpan.FromSeconds(40), "broker", Down: TimeSpan.FromSeconds(3)),
        new(TimeSpan.FromSeconds(60), "duplicates"),
        new(TimeSpan.FromSeconds(80), "intake", Down: TimeSpan.FromSeconds(2)),
        new(TimeSpan.FromSeconds(100), "scheduling", Down: TimeSpan.FromSeconds(2)),
    ];

    [Fact]
    public async Task Two_minutes_of_pathway_commands_through_a_broker_restart_and_SIGKILLs_lose_nothing_and_repeat_nothing()
    {
        await using var system = await FaultySystem.Start();
        var soak = new SoakRun(system, Seed, output.WriteLine);

        var result = await soak.Run(LoadFor, SoakRun.FaultsAt(Faults), SettleWithin);

        output.WriteLine(result.Summary);
        foreach (var line in result.Lines())
        {
            output.WriteLine(line);
        }

        // The faults happened, each while the load was running.
        Assert.Equal(Faults.Length, result.Faults.Count);
        Assert.All(result.Faults, f => Assert.True(f.At < result.LoadStoppedAt, $"{f.Name} at {f.At} came after the load stopped at {result.LoadStoppedAt}."));
        Assert.True(result.DuplicatesInjected > 0, "No enrolment was published again.");

        // Events committed == events delivered, for each relaying service.
        var report = result.Report;
        Assert.True(report.Committed > 0);
        Assert.Equal(new[] { "assessment", "intake", "scheduling" }, report.Relays.Select(r => r.Service));
        Assert.All(report.Relays, r => Assert.True(r.Committed > 0 && r.Delivered == r.Committed, $"{r.Service}: {r.Delivered} of {r.Committed} committed events on the wire. {report}"));
        Assert.Equal(0, report.Lost);
        Assert.Equal(report.Committed, report.DeliveredDistinct);

        // Zero repeated side effects: each consumer handled each enrolment once, one plan and one assessment per pathway.
        Assert.All(report.Consumers, c => Assert.Equal(c.Expected, c.Processed));
        Assert.Equal(0, report.RepeatedEffects);

        // Zero 5xx other than 503.
        Assert.Equal(0, result.ServerErrors);
        Assert.True(result.Ok, result.Summary);
    }
}
