using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Http;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// The one way a service writes to a pathway stream: rebuild the state, let the decider decide, append with
/// optimistic concurrency. A refusal becomes problem details and a stale version becomes 409; neither appends.
/// </summary>
public sealed class PathwayWriter(IDocumentSession session, TimeProvider clock)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Opens a new pathway stream with the decider's events.</summary>
    public async Task<IResult> Start<TState>(Guid pathwayId, Decision decision, CancellationToken cancellation)
        where TState : class
    {
        if (decision.Rejection is { } rejection)
        {
            return ProblemResults.From(rejection);
        }

        session.Events.StartStream<TState>(pathwayId, decision.Events.ToArray());
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            return ProblemResults.From(Rejection.Conflict($"Pathway {pathwayId} already exists."));
        }

        var appended = new Appended(pathwayId, decision.Events.Count, Names(decision.Events));
        return appended.AsCreated($"/pathways/{pathwayId}");
    }

    /// <summary>As <see cref="Append{TState}(Guid, long?, Func{TState, Decision}, CancellationToken)"/>, with the expected version from an If-Match header.</summary>
    public Task<IResult> Append<TState>(
        Guid pathwayId, string? ifMatch, Func<TState, Decision> decide, CancellationToken cancellation)
        where TState : class =>
        ETags.TryReadIfMatch(ifMatch, out var expected)
            ? Append(pathwayId, expected, decide, cancellation)
            : Task.FromResult(ProblemResults.From(Rejection.Invalid("If-Match", "If-Match must be a pathway version, such as \"3\".")));

    /// <summary>
    /// Appends what <paramref name="decide"/> returns for the current state. <paramref name="expectedVersion"/>,
    /// when given, is the version the caller last saw; any other current version is a stale write (409).
    /// </summary>
    public async Task<IResult> Append<TState>(
        Guid pathwayId, long? expectedVersion, Func<TState, Decision> decide, CancellationToken cancellation)
        where TState : class
    {
        try
        {
            var stream = expectedVersion is { } expected
                ? await session.Events.FetchForWriting<TState>(pathwayId, expected, cancellation)
                : await session.Events.FetchForWriting<TState>(pathwayId, cancellation);

            if (stream.Aggregate is not { } state)
            {
                return ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist."));
            }

            var decision = decide(state);
            if (decision.Rejection is { } rejection)
            {
                return ProblemResults.From(rejection);
            }

            stream.AppendMany(decision.Events.ToArray());
            await session.SaveChangesAsync(cancellation);

            var version = (stream.StartingVersion ?? 0) + decision.Events.Count;
            return new Appended(pathwayId, version, Names(decision.Events)).AsOk();
        }
        catch (ConcurrencyException)
        {
            return ProblemResults.StaleVersion(pathwayId, expectedVersion);
        }
    }

    private static string[] Names(IEnumerable<object> events) =>
        events.Select(e => EventCatalog.Find(e.GetType())?.Name ?? e.GetType().Name).ToArray();
}

/// <summary>The answer to a successful write: the pathway's new version (also sent as the ETag) and what was appended.</summary>
public sealed record Appended(Guid PathwayId, long Version, IReadOnlyList<string> Events)
{
    public IResult AsOk() => new VersionedResult(this, StatusCodes.Status200OK, null);

    public IResult AsCreated(string location) => new VersionedResult(this, StatusCodes.Status201Created, location);
}
