using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Http.Idempotency;
using HccPathway.ServiceDefaults.Tenancy;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// The one way an HTTP command writes to a pathway stream, through the same fetch–decide–append step as consumers
/// (<see cref="PathwayAppend"/>). A refusal becomes problem details and a stale If-Match becomes 409; neither appends. A
/// write without If-Match that still loses to another writer is decided again on the new state (<see cref="VersionRace"/>).
/// A command for a patient who has left the pathway is refused before it is decided (<see cref="PathwayExit"/>).
/// A request with an Idempotency-Key also stores its response on the same session, so the response is recorded if and
/// only if the events are; a concurrent duplicate cannot commit and answers with the response that did.
/// </summary>
public sealed class PathwayWriter(IDocumentSession session, HospitalClock clock, IdempotentCommands idempotency)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today at the hospital this writer's session is open for, the patient's hospital.</summary>
    public DateOnly Today => clock.Today(session.TenantId);

    /// <summary>Opens a new pathway stream with the decider's events.</summary>
    public async Task<IResult> Start<TState>(Guid pathwayId, Decision decision, CancellationToken cancellation)
        where TState : class
    {
        if (decision.Rejection is { } rejection)
        {
            return ProblemResults.From(rejection);
        }

        var appended = new Appended(pathwayId, decision.Events.Count, Names(decision.Events));
        var location = $"/pathways/{pathwayId}";
        session.Events.StartStream<TState>(pathwayId, decision.Events.ToArray());
        idempotency.Remember(session, appended, StatusCodes.Status201Created, location);
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            return ProblemResults.From(Rejection.Conflict($"Pathway {pathwayId} already exists."));
        }
        catch (DocumentAlreadyExistsException)
        {
            return await Duplicate(cancellation);
        }

        return appended.AsCreated(location);
    }

    /// <summary>As <see cref="Append{TState}(Guid, long?, Func{TState, Decision}, CancellationToken)"/>, with the expected version from an If-Match header.</summary>
    public Task<IResult> Append<TState>(
        Guid pathwayId, string? ifMatch, Func<TState, Decision> decide, CancellationToken cancellation)
        where TState : class =>
        Append<TState>(pathwayId, ifMatch, (state, _) => Task.FromResult(decide(state)), cancellation);

    /// <summary>As <see cref="Append{TState}(Guid, long?, Func{TState, CancellationToken, Task{Decision}}, CancellationToken)"/>, with the expected version from an If-Match header.</summary>
    public Task<IResult> Append<TState>(
        Guid pathwayId, string? ifMatch, Func<TState, CancellationToken, Task<Decision>> decide, CancellationToken cancellation)
        where TState : class =>
        ETags.TryReadIfMatch(ifMatch, out var expected)
            ? Append(pathwayId, expected, decide, cancellation)
            : Task.FromResult(ProblemResults.From(Rejection.Invalid("If-Match", "If-Match must be a pathway version, such as \"3\".")));

    /// <summary>
    /// Appends what <paramref name="decide"/> returns for the current state. <paramref name="expectedVersion"/>,
    /// when given, is the version the caller last saw; any other current version is a stale write (409).
    /// </summary>
    public Task<IResult> Append<TState>(
        Guid pathwayId, long? expectedVersion, Func<TState, Decision> decide, CancellationToken cancellation)
        where TState : class =>
        Append<TState>(pathwayId, expectedVersion, (state, _) => Task.FromResult(decide(state)), cancellation);

    /// <summary>
    /// As <see cref="Append{TState}(Guid, long?, Func{TState, Decision}, CancellationToken)"/>, for a decider that
    /// reads more than the stream's state (a document of the service's own) in this writer's session. It is called
    /// again, on fresh state, whenever the write is retried.
    /// </summary>
    public async Task<IResult> Append<TState>(
        Guid pathwayId, long? expectedVersion, Func<TState, CancellationToken, Task<Decision>> decide, CancellationToken cancellation)
        where TState : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AppendOnce(pathwayId, expectedVersion, decide, cancellation);
            }
            catch (Exception e) when (expectedVersion is null && VersionRace.IsLost(e) && VersionRace.MayRetry(attempt))
            {
                // Holding the stream's lock, this write can still lose a document it also writes (surgery planning's
                // checklist) or be PostgreSQL's deadlock victim; the caller named no version, so decide again.
                session.EjectAllPendingChanges();
                await VersionRace.Pause(attempt, cancellation);
            }
            catch (Exception e) when (VersionRace.IsLost(e))
            {
                return await idempotency.Recorded(cancellation) ?? ProblemResults.StaleVersion(pathwayId, expectedVersion);
            }
            catch (DocumentAlreadyExistsException)
            {
                return await Duplicate(cancellation);
            }
        }
    }

    private async Task<IResult> AppendOnce<TState>(
        Guid pathwayId, long? expectedVersion, Func<TState, CancellationToken, Task<Decision>> decide, CancellationToken cancellation)
        where TState : class
    {
        var (exists, decision, version) = await PathwayAppend.Decide<TState>(
            session, pathwayId, expectedVersion, (state, ct) => PathwayExit.Refusal(state) is { } left ? Task.FromResult(Decision.Refuse(left)) : decide(state, ct), cancellation);
        if (!exists)
        {
            return ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist."));
        }

        if (decision.Rejection is { } rejection)
        {
            // A duplicate decided after its original committed sees the original's effect and may be refused.
            return await idempotency.Recorded(cancellation) ?? ProblemResults.From(rejection);
        }

        var appended = new Appended(pathwayId, version, Names(decision.Events));
        idempotency.Remember(session, appended, StatusCodes.Status200OK, null);
        await session.SaveChangesAsync(cancellation);
        return appended.AsOk();
    }

    /// <summary>Another request with the same key committed first; this one's transaction, events included, rolled back.</summary>
    private async Task<IResult> Duplicate(CancellationToken cancellation) =>
        await idempotency.Recorded(cancellation)
        ?? throw new InvalidOperationException("An idempotency record collided but cannot be read back.");

    private static string[] Names(IEnumerable<object> events) =>
        events.Select(e => EventCatalog.Find(e.GetType())?.Name ?? e.GetType().Name).ToArray();
}

/// <summary>The answer to a successful write: the pathway's new version (also sent as the ETag) and what was appended.</summary>
public sealed record Appended(Guid PathwayId, long Version, IReadOnlyList<string> Events)
{
    public IResult AsOk() => new VersionedResult(this, StatusCodes.Status200OK, null);

    public IResult AsCreated(string location) => new VersionedResult(this, StatusCodes.Status201Created, location);
}
