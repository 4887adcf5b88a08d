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
/// verified later is byte for byte what was sealed. A page already sealed (after a rewind) finds nothing after the head.
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
        // The range, not page.Events: the daemon leaves out events of types this build does not know (so that a newer
        // service can deploy first), but they are part of the record and must be sealed in their place.
        var now = clock.GetUtcNow();
        foreach (var streamId in await rows.StreamsBetween(page.SequenceFloor, page.SequenceCeiling, cancellationToken))
        {
            var head = await operations.LoadAsync<ChainHead>(streamId, cancellationToken)
                ?? new ChainHead(streamId, 0, EventHashing.Genesis, now);

            // Everything after the head, so an event seen late (or skipped by an earlier page) is sealed before its successors.
            var unsealed = await rows.ReadAfter(streamId, head.Version, page.SequenceCeiling, cancellationToken);
            foreach (var e in unsealed)
            {
                var seal = Seal(head.ChainHash, e, now);
                operations.Store(seal);
                head = new ChainHead(streamId, e.Version, seal.ChainHash, now);
            }

            if (unsealed.Count > 0)
            {
                operations.Store(head);
            }
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
