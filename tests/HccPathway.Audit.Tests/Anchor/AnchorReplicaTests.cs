using HccPathway.Audit.Anchor;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Audit;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.Testing;

namespace HccPathway.Audit.Tests.Anchor;

/// <summary>Two replicas of the service on one database, one broker and one checkpoint log (a shared volume).</summary>
public sealed class AnchorReplicaTests(AnchoredAuditService service) : IClassFixture<AnchoredAuditService>
{
    [Fact]
    public async Task Two_replicas_checkpoint_each_sequence_once_and_publish_it_once()
    {
        await using var probe = await RabbitMqProbe.Subscribe(service.Factory.Infrastructure.RabbitMq, typeof(ChainCheckpointedV1));
        await using var replica = service.Replica();
        _ = replica.Server;

        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            var id = await service.Record(new Story(Guid.NewGuid()), steps: 2);
            ids.Add(id);
            await service.LineAnchoring(id, (await service.StoredEvents(id)).Count);
        }

        await service.Rounds(4);

        var checkpoints = service.Checkpoints();
        Assert.Equal(checkpoints.Count, checkpoints.Select(c => (c.Hospital, c.Sequence)).Distinct().Count());
        using var publicKey = service.PublicKey;
        var lookup = await new AnchorLog(service.LogPath, AnchorKeyRing.Of([publicKey])).Lookup(Hospitals.MartenDefault, ids[^1], CancellationToken.None);
        Assert.Null(lookup.Problem);
        Assert.Equal(ids.Count, checkpoints[^1].StreamCount);

        await Eventually.True(() => Task.FromResult(probe.Received.Count >= checkpoints.Count), TimeSpan.FromSeconds(20), "every checkpoint on the broker");
        await service.Rounds(2);
        Assert.Equal(
            checkpoints.Select(c => c.HeadHash).Order(),
            probe.Received.Select(m => m.Message.GetProperty("headHash").GetString()!).Order());
    }
}
