using HccPathway.ServiceDefaults.Http;
using Marten;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// The fetch–decide–append step of every write to a pathway, from an HTTP command (<see cref="PathwayWriter"/>) or a
/// consumer's reaction (<see cref="Messaging.IdempotentConsumer{TMessage}"/>): rebuild the state, let the pure decider
/// decide, and queue what it decided on the session for the caller to commit with whatever else it records.
/// </summary>
public static class PathwayAppend
{
    /// <summary>
    /// A writer that named no version waits for the stream's row lock rather than racing the other services for it:
    /// once held, the state it decides on is the state it appends to. A writer that named one is checked against it
    /// when it commits (a stale version is a concurrency failure). Either way the fetch is one round trip: Marten's
    /// FetchForExclusiveWriting opens the session's transaction and sends the lock (<c>select version from mt_streams
    /// … for update</c>) and the read of the stream's events in one batch, so the write step takes three round trips in
    /// all: this one, the append batch, and the COMMIT (WriteRoundTripTests keeps it so). An inline projection that
    /// loads its document adds one (CommandRoundTripTests in the Intake tests).
    /// </summary>
    /// <param name="beforeFirstApply">
    /// The state of an existing stream none of whose events the aggregate applies yet (a therapy plan before the regimen
    /// is planned); without it such a stream counts as not there.
    /// </param>
    public static async Task<Decided> Decide<TState>(
        IDocumentSession session, Guid pathwayId, long? expectedVersion, Func<TState, CancellationToken, Task<Decision>> decide,
        CancellationToken cancellation, Func<TState>? beforeFirstApply = null)
        where TState : class
    {
        // Both use the same live fetch plan; the aggregate's (unused) document mapping is made at start by each service.
        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<TState>(pathwayId, expected, cancellation)
            : await session.Events.FetchForExclusiveWriting<TState>(pathwayId, cancellation);

        var exists = stream.StartingVersion is > 0;
        if ((stream.Aggregate ?? (exists ? beforeFirstApply?.Invoke() : null)) is not { } state)
        {
            return new Decided(false, default, 0);
        }

        var decision = await decide(state, cancellation);
        if (decision.Rejection is null)
        {
            stream.AppendMany(decision.Events.ToArray());
        }

        return new Decided(true, decision, (stream.StartingVersion ?? 0) + decision.Events.Count);
    }
}

/// <summary>What <see cref="PathwayAppend.Decide{TState}"/> found and decided, and the stream's version once it is committed.</summary>
public readonly record struct Decided(bool PathwayExists, Decision Decision, long Version);
