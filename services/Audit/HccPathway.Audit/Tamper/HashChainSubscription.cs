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
/// A page is sealed with one multi-row write of its seals and one of the streams' new heads (<see cref="DocumentRows"/>).
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
        var streams = await rows.StreamsBetween(page.SequenceFloor, page.SequenceCeiling, cancellationToken);
        if (streams.Count == 0)
        {
            return NullChangeListener.Instance;
        }

        // Three round trips per page whatever its size (the streams, their heads, what follows each head), and the
        // seals and heads written as two statements in the daemon's commit, instead of two reads and a write per stream.
        var heads = (await operations.LoadManyAsync<ChainHead>(cancellationToken, streams)).ToDictionary(h => h.Id);
        var after = streams.ToDictionary(s => s, s => heads.TryGetValue(s, out var head) ? head.Version : 0);

        // Everything after each head, so an event seen late (or skipped by an earlier page) is sealed before its successors.
        var unsealed = await rows.ReadAfterEach(after, page.SequenceCeiling, cancellationToken);
        var seals = new List<EventSeal>(unsealed.Count);
        var moved = new Dictionary<Guid, ChainHead>();
        foreach (var e in unsealed)
        {
            var head = moved.GetValueOrDefault(e.StreamId)
                ?? heads.GetValueOrDefault(e.StreamId)
                ?? new ChainHead(e.StreamId, 0, EventHashing.Genesis, now);
            var seal = Seal(head.ChainHash, e, now);
            seals.Add(seal);
            moved[e.StreamId] = new ChainHead(e.StreamId, e.Version, seal.ChainHash, now);
        }

        DocumentRows.Upsert(operations, seals, s => s.Id);
        DocumentRows.Upsert(operations, moved.Values, h => h.Id);
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
