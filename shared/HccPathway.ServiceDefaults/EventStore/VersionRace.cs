using JasperFx;
using Marten.Exceptions;
using Npgsql;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Five services append to one stream per patient. A writer that named no expected version holds the stream's lock
/// (<see cref="PathwayAppend"/>), yet can still lose to a concurrent one: on a document it also writes, or as
/// PostgreSQL's deadlock victim. That is not the caller's conflict: the write is fetched, decided and appended again on
/// the new state, a bounded number of times, with a short jittered pause so that two losers do not collide again in
/// step. A writer that named a version (If-Match) is never retried.
/// </summary>
public static class VersionRace
{
    /// <summary>Attempts in all, the first included. Eight losses in a row means the stream is really contended.</summary>
    public const int MaxAttempts = 8;

    /// <summary>
    /// True for the ways a write loses to a concurrent one without being wrong: a moved stream or document version, a
    /// stream lock Marten could not take, or PostgreSQL choosing this transaction as a deadlock or serialisation victim.
    /// </summary>
    public static bool IsLost(Exception exception) =>
        exception is ConcurrencyException or StreamLockedException
        || exception.FindPostgres() is { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };

    /// <summary>True when another attempt may follow attempt number <paramref name="attempt"/> (counted from 1).</summary>
    public static bool MayRetry(int attempt) => attempt < MaxAttempts;

    /// <summary>2, 4, 8 … ms, at most 100 ms, each with up to as much again at random.</summary>
    public static Task Pause(int attempt, CancellationToken cancellation)
    {
        var baseMs = Math.Min(100, 1 << Math.Min(attempt, 7));
        return Task.Delay(TimeSpan.FromMilliseconds(baseMs + Random.Shared.Next(baseMs + 1)), cancellation);
    }

    private static PostgresException? FindPostgres(this Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
