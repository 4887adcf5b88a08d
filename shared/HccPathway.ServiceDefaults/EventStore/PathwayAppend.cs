using HccPathway.ServiceDefaults.Http;
using Marten;
using Npgsql;

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
    /// when it commits (a stale version is a concurrency failure).
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
        if (expectedVersion is null)
        {
            await LockStream(session, pathwayId, cancellation);
        }

        var stream = expectedVersion is { } expected
            ? await session.Events.FetchForWriting<TState>(pathwayId, expected, cancellation)
            : await session.Events.FetchForWriting<TState>(pathwayId, cancellation);

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

    /// <summary>
    /// Opens the session's transaction and takes the stream's row lock in it; another writer's append waits for this
    /// transaction to end. (Marten's FetchForExclusiveWriting does the same but also gives the live aggregate a
    /// document table of its own, which these aggregates do not have.)
    /// </summary>
    private static async Task LockStream(IDocumentSession session, Guid pathwayId, CancellationToken cancellation)
    {
        await session.BeginTransactionAsync(cancellation);
        var streams = $"{session.DocumentStore.Options.Events.DatabaseSchemaName}.mt_streams";
        await using var command = new NpgsqlCommand($"select 1 from {streams} where id = $1 and tenant_id = $2 for update");
        command.Parameters.Add(new NpgsqlParameter { Value = pathwayId });
        command.Parameters.Add(new NpgsqlParameter { Value = session.TenantId });
        await session.ExecuteAsync(command, cancellation);
    }
}

/// <summary>What <see cref="PathwayAppend.Decide{TState}"/> found and decided, and the stream's version once it is committed.</summary>
public readonly record struct Decided(bool PathwayExists, Decision Decision, long Version);
