using Marten;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Sends <see cref="ThrottledAppendWakeup.Channel"/> in the transaction of every session that appends events, so
/// daemons learn of an append when it commits (PostgreSQL delivers a NOTIFY only on commit, never on rollback).
/// Marten's own UseListenNotifyForEventAppends sends the same notification but also installs a wakeup that runs
/// every daemon's high-water check once per append; <see cref="ThrottledAppendWakeup"/> replaces that wakeup.
/// </summary>
public sealed class EventAppendNotifier(string channel = ThrottledAppendWakeup.Channel) : DocumentSessionListenerBase
{
    // A DO block, like Marten's own notification, because a SELECT would return a result set the batch does not read.
    // The semicolon PL/pgSQL needs is written as \073 because Marten refuses a queued command containing ';'.
    private readonly string notify = $"DO E'BEGIN PERFORM pg_notify(\\'{channel}\\', \\'\\')\\073 END'";

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (session.PendingChanges.Streams().Count > 0)
        {
            session.QueueSqlCommand(notify);
        }

        return Task.CompletedTask;
    }
}
