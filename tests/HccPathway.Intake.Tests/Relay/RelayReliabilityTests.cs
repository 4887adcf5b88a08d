using System.Net;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Intake.Tests.Api;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Intake.Tests.Relay;

/// <summary>The event store is the outbox: what is appended reaches RabbitMQ, whatever happens to the broker or the relay.</summary>
public sealed class RelayReliabilityTests
{
    private static readonly Type[] IntakeEvents = EventCatalog.OwnedBy(Owners.Intake).Select(e => e.Type).ToArray();

    [Fact]
    public async Task Events_appended_while_RabbitMQ_is_unreachable_are_all_published_once_it_returns()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);
        await using var gate = new TcpGate(infrastructure.RabbitMq.Host, infrastructure.RabbitMq.Port);
        await using var intake = new PathwayServiceFactory<IntakeApi>(
            infrastructure, IsolatedSchemas.New(), Owners.Intake, gate.Redirect(infrastructure.RabbitMq));
        var client = new IntakeClient(intake.ClientAs(Roles.Coordinator));
        var before = await client.RegisterNew();
        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == before.ToString());

        gate.Close();
        var duringOutage = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            duringOutage.Add(await client.RegisterNew());
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.DoesNotContain(subscriber.Received, m => duringOutage.Contains(Guid.Parse(m.Header(RelayHeaders.PathwayId)!)));

        gate.Open();
        foreach (var id in duringOutage)
        {
            await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == id.ToString(), TimeSpan.FromSeconds(60));
        }
    }

    [Fact]
    public async Task A_restarted_relay_resumes_after_its_checkpoint_without_resending_confirmed_events()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);

        var first = new List<Guid>();
        await using (var intake = new PathwayServiceFactory<IntakeApi>(infrastructure, schemas, Owners.Intake))
        {
            var client = new IntakeClient(intake.ClientAs(Roles.Coordinator));
            for (var i = 0; i < 3; i++)
            {
                first.Add(await client.RegisterNew());
            }

            foreach (var id in first)
            {
                await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
            }
        }

        await using var restarted = new PathwayServiceFactory<IntakeApi>(infrastructure, schemas, Owners.Intake);
        var after = await new IntakeClient(restarted.ClientAs(Roles.Coordinator)).RegisterNew();
        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == after.ToString());

        foreach (var id in first)
        {
            Assert.Single(subscriber.Received, m => m.Header(RelayHeaders.PathwayId) == id.ToString());
        }
    }

    [Fact]
    public async Task Connections_the_broker_closes_while_the_relay_is_publishing_lose_no_event()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);
        await using var intake = new PathwayServiceFactory<IntakeApi>(infrastructure, IsolatedSchemas.New(), Owners.Intake);
        var client = new IntakeClient(intake.ClientAs(Roles.Coordinator));
        var first = await client.RegisterNew();
        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == first.ToString());

        // Closes land while publishes await their confirms, as when a broker shuts down. The transport cancels those
        // publishes; the relay must retry them, not take the cancellation for the daemon stopping (which lets the
        // daemon move on past the page).
        var closed = 0;
        var deadline = DateTime.UtcNow.AddSeconds(90);
        var closing = Task.Run(async () =>
        {
            while (closed < 4 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(Random.Shared.Next(200, 600));
                closed += await BrokerConnections.CloseAll(infrastructure, "relay test: broker going down");
            }
        });
        var ids = (await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var mine = new List<Guid>();
            while (!closing.IsCompleted)
            {
                mine.Add(await client.RegisterNew());
            }

            return mine;
        }))).SelectMany(i => i).ToList();
        await closing;

        Assert.True(closed >= 4, $"only {closed} connections were closed during the load");
        foreach (var id in ids)
        {
            await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == id.ToString() && m.Is<PatientRegistered>(), TimeSpan.FromSeconds(90));
        }
    }

    [Fact]
    public async Task A_relay_agent_that_stopped_for_good_is_started_again_and_publishes_what_waited()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);
        await using var intake = new PathwayServiceFactory<IntakeApi>(
            infrastructure, IsolatedSchemas.New(), Owners.Intake, settings: new Dictionary<string, string>
            {
                ["Pathway:RelayWatchdog:StallAfter"] = "00:00:02",
                ["Pathway:RelayWatchdog:CheckInterval"] = "00:00:00.250",
            });
        var client = new IntakeClient(intake.ClientAs(Roles.Coordinator));
        var before = await client.RegisterNew();
        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == before.ToString());

        // The state the daemon's coordinator never restarts: an agent stopped on a progression conflict.
        var daemon = intake.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        var relay = daemon.CurrentAgents().Single(a => a.Name.Identity == $"{Owners.Intake}-relay:All");
        await relay.ReportCriticalFailureAsync(new ProgressionProgressOutOfOrderException(relay.Name));
        var waiting = await client.RegisterNew();
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(subscriber.Received, m => m.Header(RelayHeaders.PathwayId) == waiting.ToString());

        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == waiting.ToString(), TimeSpan.FromSeconds(60));
        Assert.True(intake.Services.GetRequiredService<RelayWatchdog>().Restarts >= 1);
    }

    /// <summary>
    /// The one way a relay stands still for good: its progression row moved under it (an abandoned drain's flush landing
    /// late, or a commit whose answer was lost, leaves it so), the next page's optimistic progression write finds another
    /// floor, and the daemon stops the agent instead of pausing it. Its coordinator restarts paused agents, never stopped
    /// ones. With the watchdog off the relay stays stopped; with it on it is started again from the row and resumes.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_relay_whose_progression_moved_under_it_stops_for_good_and_only_the_watchdog_restarts_it(bool watchdog)
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);
        await using var intake = new PathwayServiceFactory<IntakeApi>(
            infrastructure, schemas, Owners.Intake, settings: new Dictionary<string, string>
            {
                ["Pathway:RelayWatchdog:Enabled"] = watchdog.ToString(),
                ["Pathway:RelayWatchdog:StallAfter"] = "00:00:02",
                ["Pathway:RelayWatchdog:CheckInterval"] = "00:00:00.250",
            });
        var client = new IntakeClient(intake.ClientAs(Roles.Coordinator));
        var before = await client.RegisterNew();
        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == before.ToString());

        var shard = $"{Owners.Intake}-relay:All";
        await using (var connection = new Npgsql.NpgsqlConnection(infrastructure.Postgres))
        {
            await connection.OpenAsync();
            await using var move = new Npgsql.NpgsqlCommand(
                $"update {schemas.Events}.mt_event_progression set last_seq_id = last_seq_id - 1 where name = @name", connection);
            move.Parameters.AddWithValue("name", shard);

            // The relay publishes a page before it writes the page's progression: wait for the row.
            await WaitUntil(() => move.ExecuteNonQuery() == 1);
        }

        // The next page is published, then its progression write finds the row moved and the agent stops.
        await client.RegisterNew();
        var daemon = intake.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();
        ISubscriptionAgent Relay() => daemon.CurrentAgents().Single(a => a.Name.Identity == shard);
        await WaitUntil(() => Relay().Status == JasperFx.AgentStatus.Stopped || intake.Services.GetRequiredService<RelayWatchdog>().Restarts > 0);

        var after = await client.RegisterNew();
        if (!watchdog)
        {
            Assert.Equal(ShardFailureCategory.ProgressionOutOfOrder, Relay().Failure?.Category);
            await Task.Delay(TimeSpan.FromSeconds(6));
            Assert.DoesNotContain(subscriber.Received, m => m.Header(RelayHeaders.PathwayId) == after.ToString());
            Assert.Equal(JasperFx.AgentStatus.Stopped, Relay().Status);
            Assert.Equal(0, intake.Services.GetRequiredService<RelayWatchdog>().Restarts);
            return;
        }

        await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == after.ToString(), TimeSpan.FromSeconds(60));
        Assert.True(intake.Services.GetRequiredService<RelayWatchdog>().Restarts >= 1);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 30 s.");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task The_relay_keeps_each_pathways_order_when_many_pathways_are_written_at_once()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var subscriber = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, IntakeEvents);
        await using var intake = new PathwayServiceFactory<IntakeApi>(infrastructure, IsolatedSchemas.New(), Owners.Intake);
        var coordinator = new IntakeClient(intake.ClientAs(Roles.Coordinator));

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var id = await coordinator.RegisterNew();
            Assert.Equal(HttpStatusCode.OK, (await coordinator.RecordBaseline(id, Baselines.ResectableWithPvtt(IntakeClient.Today))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await coordinator.DecideEligibility(id)).StatusCode);
            return id;
        }));

        await using var session = intake.Services.GetRequiredService<IDocumentStore>().QuerySession();
        foreach (var id in ids)
        {
            await subscriber.WaitFor(m => m.Header(RelayHeaders.PathwayId) == id.ToString() && m.Is<EligibilityDecided>());
            var versions = subscriber.Received
                .Where(m => m.Header(RelayHeaders.PathwayId) == id.ToString())
                .Select(m => long.Parse(m.Header(RelayHeaders.StreamVersion)!))
                .ToList();
            Assert.Equal([1L, 2L, 3L], versions);
        }
    }
}
