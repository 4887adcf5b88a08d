using HccPathway.Audit.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace HccPathway.Audit.Tamper;

/// <summary>
/// Seals every event of every pathway as it is appended: a per-stream hash chain kept as documents in the audit
/// schema. The seals are written in the daemon's own transaction with its checkpoint, so each event is sealed
/// exactly once. Hashes are taken over the stored rows (read with SQL), not over re-serialised objects, so what is
/// verified later is byte for byte what was sealed.
/// </summary>
public sealed class HashChainSubscription : SubscriptionBase
{
    /// <summary>Prefixed with the service: the daemon's leader lock is per events schema and name.</summary>
    public const string SubscriptionName = "audit-hash-chain";

    private readonly EventRows rows;
    private readonly TimeProvider clock;

    public HashChainSubscription(EventRows rows, TimeProvider clock)
    {
        this.rows = rows;
        this.clock = clock;
        Name = SubscriptionName;
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var sequences = page.Events.Select(e => e.Sequence).ToArray();
        if (sequences.Length == 0)
        {
            return NullChangeListener.Instance;
        }

        var now = clock.GetUtcNow();
        var stored = await rows.ReadSequences(sequences, cancellationToken);
        foreach (var stream in stored.GroupBy(e => e.StreamId))
        {
            var head = await operations.LoadAsync<ChainHead>(stream.Key, cancellationToken)
                ?? new ChainHead(stream.Key, 0, EventHashing.Genesis, now);
            foreach (var e in stream.OrderBy(e => e.Version))
            {
                // A page seen again after a rewind: those events are sealed already.
                if (e.Version <= head.Version)
                {
                    continue;
                }

                var seal = Seal(head.ChainHash, e, now);
                operations.Store(seal);
                head = new ChainHead(stream.Key, e.Version, seal.ChainHash, now);
            }

            operations.Store(head);
        }

        return NullChangeListener.Instance;
    }

    public static EventSeal Seal(string previousChainHash, StoredEvent e, DateTimeOffset now)
    {
        var digest = EventHashing.Digest(e);
        return new EventSeal(
            e.Id, e.StreamId, e.Version, e.Sequence, e.Name, digest.ContentHash, digest.DataHash, digest.MetadataHash,
            EventHashing.Chain(previousChainHash, e.Name, digest), now);
    }
}
