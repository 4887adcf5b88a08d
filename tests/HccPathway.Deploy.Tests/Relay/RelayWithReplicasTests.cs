using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Deploy.Tests.Relay;

/// <summary>
/// Two replicas of one service (as a Deployment with replicas: 2 runs them) on the same database and broker virtual
/// host. Marten's HotCold daemon lets exactly one relay run: every event is published once, not once per replica;
/// when the active replica stops, the other takes the relay over and carries on from the checkpoint.
/// </summary>
public sealed class RelayWithReplicasTests : IAsyncLifetime
{
    private const string RelayName = "intake-relay";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private InfrastructureEndpoints infrastructure = null!;
    private RabbitMqProbe wire = null!;
    private readonly IsolatedSchemas schemas = IsolatedSchemas.New();
    private readonly List<PathwayServiceFactory<IntakeApi>> replicas = [];

    public async Task InitializeAsync()
    {
        infrastructure = await Infrastructure.GetAsync();
        wire = await RabbitMqProbe.Subscribe(infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.Intake).Select(e => e.Type).ToArray());
        for (var i = 0; i < 2; i++)
        {
            var replica = new PathwayServiceFactory<IntakeApi>(infrastructure, schemas, Owners.Intake);
            _ = replica.Server;
            replicas.Add(replica);
        }
    }

    [Fact]
    public async Task One_replica_relays_each_event_once_and_the_other_takes_over_when_it_stops()
    {
        var active = await Eventually.Get(async () => await SingleActiveRelay(), Patience, "one active relay");

        // Writes arrive at both replicas (the Service balances them); only the active one publishes.
        var first = await RegisterThroughEach(replicas, count: 6);
        var firstEvents = await EventIdsOf(first);
        await Eventually.True(() => Task.FromResult(firstEvents.All(Relayed)), Patience, "every event of the first batch relayed");
        Assert.Same(active, await SingleActiveRelay());
        await WaitForCheckpoint(active, firstEvents.Count);
        Assert.All(firstEvents, id => Assert.Equal(1, TimesRelayed(id)));

        // The active replica goes away (a rolling update, a node drain): the other wins the leader lock and carries on.
        replicas.Remove(active);
        await active.DisposeAsync();
        var survivor = replicas.Single();
        await Eventually.True(async () => await SingleActiveRelay() == survivor, Patience, "the surviving replica to take the relay over");

        var second = await RegisterThroughEach(replicas, count: 6);
        var secondEvents = await EventIdsOf(second);
        await Eventually.True(() => Task.FromResult(secondEvents.All(Relayed)), Patience, "every event after the take-over relayed");
        Assert.All(secondEvents, id => Assert.Equal(1, TimesRelayed(id)));
        Assert.All(firstEvents, id => Assert.Equal(1, TimesRelayed(id)));
    }

    public async Task DisposeAsync()
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }

        await wire.DisposeAsync();
    }

    // The replicas whose daemon runs the relay; null unless there is exactly one.
    private async Task<PathwayServiceFactory<IntakeApi>?> SingleActiveRelay()
    {
        var running = new List<PathwayServiceFactory<IntakeApi>>();
        foreach (var replica in replicas)
        {
            var daemon = replica.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
            if (daemon.CurrentAgents().Any(a => a.Name.Name == RelayName))
            {
                running.Add(replica);
            }
        }

        await Task.Yield();
        return running.Count == 1 ? running[0] : null;
    }

    private static async Task<IReadOnlyList<Guid>> RegisterThroughEach(IReadOnlyList<PathwayServiceFactory<IntakeApi>> hosts, int count)
    {
        var pathways = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var client = hosts[i % hosts.Count].ClientAs(Roles.Clinician);
            var body = await PathwayClient.Post(client, "/pathways", new
            {
                medicalRecordNumber = $"MRN-REPLICA-{Guid.NewGuid():N}",
                fullName = "Replica Patient",
                dateOfBirth = new DateOnly(1965, 5, 5),
                sex = "male",
                referralDate = DateOnly.FromDateTime(DateTime.UtcNow),
                referringCentre = "City Hospital",
            });
            pathways.Add(body.GetProperty("pathwayId").GetGuid());
        }

        return pathways;
    }

    private async Task<IReadOnlyList<Guid>> EventIdsOf(IReadOnlyList<Guid> pathways)
    {
        await using var session = replicas[0].Services.GetRequiredService<IDocumentStore>().QuerySession();
        var ids = new List<Guid>();
        foreach (var pathway in pathways)
        {
            ids.AddRange((await session.Events.FetchStreamAsync(pathway)).Select(e => e.Id));
        }

        Assert.Equal(pathways.Count, ids.Count);
        return ids;
    }

    // Nothing republished later: the relay's checkpoint has passed every event relayed so far.
    private async Task WaitForCheckpoint(PathwayServiceFactory<IntakeApi> host, int atLeast)
    {
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await Eventually.True(async () =>
        {
            var progress = await store.Advanced.AllProjectionProgress();
            return progress.Any(p => p.ShardName.StartsWith(RelayName, StringComparison.Ordinal) && p.Sequence >= atLeast);
        }, Patience, "the relay's checkpoint to pass the batch");
    }

    private bool Relayed(Guid eventId) => TimesRelayed(eventId) > 0;

    private int TimesRelayed(Guid eventId) => wire.Received.Count(m => m.MessageId == eventId);
}
