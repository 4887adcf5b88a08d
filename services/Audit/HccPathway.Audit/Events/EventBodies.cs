using Marten;

namespace HccPathway.Audit.Events;

/// <summary>One event ready to fold: its position, when it was recorded, and its body (null when the type is unknown).</summary>
public sealed record FoldedEvent(long Version, long Sequence, DateTimeOffset Timestamp, string Name, object? Data)
{
    public bool IsKnown => Data is not null;
}

/// <summary>Turns stored rows into contract records with the event store's own serializer.</summary>
public sealed class EventBodies(IDocumentStore store)
{
    private readonly ISerializer serializer = store.Options.Serializer();

    public FoldedEvent Read(StoredEvent e)
    {
        if (e.Contract is not { } contract)
        {
            // Explicitly unknown: shown in the history, ignored by the fold.
            return new FoldedEvent(e.Version, e.Sequence, e.Timestamp, e.Name, null);
        }

        using var json = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data));
        return new FoldedEvent(e.Version, e.Sequence, e.Timestamp, e.Name, serializer.FromJson(contract.Type, json));
    }

    public IReadOnlyList<FoldedEvent> ReadAll(IEnumerable<StoredEvent> events) => events.Select(Read).ToList();
}
