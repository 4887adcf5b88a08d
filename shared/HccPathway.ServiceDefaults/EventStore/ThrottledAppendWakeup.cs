using JasperFx.Events.Daemon.HighWater;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Wakes the async daemon's high-water agent when events are appended (LISTEN on <see cref="Channel"/>), but no more
/// often than once per <see cref="MinimumInterval"/>. Every service runs a daemon over the one shared event store, and
/// each wake-up costs a high-water query, a progression write and a page query per subscription: woken once per
/// append (Marten's own LISTEN wakeup), the four services that have nothing to do with a command spent about as much
/// CPU on it as the service that handled it. A quiet store still reacts at once; under load, appends that arrive
/// within one interval are picked up by a single check. A notification is never dropped: one that arrives while the
/// daemon works wakes the next wait.
/// </summary>
public sealed partial class ThrottledAppendWakeup(
    string connectionString, TimeSpan minimumInterval, ILogger logger, string channel = ThrottledAppendWakeup.Channel) : IDaemonWakeup
{
    public const string Channel = "mt_events_appended";

    private readonly NpgsqlDataSource dataSource = new NpgsqlDataSourceBuilder(connectionString) { Name = "daemon-wakeup" }.Build();
    private readonly SemaphoreSlim connecting = new(1, 1);
    private readonly SemaphoreSlim signal = new(0);
    private readonly CancellationTokenSource lifetime = new();
    private NpgsqlConnection? connection;
    private long lastWakeMilliseconds;
    private int disposed;

    public TimeSpan MinimumInterval => minimumInterval;

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        try
        {
            await Listen(token);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The database is unreachable: poll on the daemon's timeout until LISTEN can be set up again.
            LogListenFailed(e.GetType().Name);
            await Task.Delay(timeout, token);
            return;
        }

        if (!await signal.WaitAsync(timeout, token))
        {
            return;
        }

        // Coalesce: the notifications already here are covered by this wake-up; later ones stay counted for the next.
        while (signal.CurrentCount > 0 && signal.Wait(0, CancellationToken.None))
        {
        }

        var sinceLast = TimeSpan.FromMilliseconds(Environment.TickCount64 - Interlocked.Read(ref lastWakeMilliseconds));
        if (sinceLast < minimumInterval)
        {
            await Task.Delay(minimumInterval - sinceLast, token);
        }

        Interlocked.Exchange(ref lastWakeMilliseconds, Environment.TickCount64);
    }

    private async Task Listen(CancellationToken token)
    {
        if (connection is not null)
        {
            return;
        }

        await connecting.WaitAsync(token);
        try
        {
            if (connection is not null)
            {
                return;
            }

            var opened = await dataSource.OpenConnectionAsync(token);
            opened.Notification += (_, _) => signal.Release();
            await using (var listen = new NpgsqlCommand($"LISTEN {channel}", opened))
            {
                await listen.ExecuteNonQueryAsync(token);
            }

            connection = opened;
            _ = Task.Run(() => Receive(opened, lifetime.Token), CancellationToken.None);
        }
        finally
        {
            connecting.Release();
        }
    }

    // Npgsql raises Notification only while something reads from the connection.
    private async Task Receive(NpgsqlConnection listening, CancellationToken token)
    {
        try
        {
            while (!token.IsCancellationRequested)
            {
                await listening.WaitAsync(token);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        catch (Exception e)
        {
            LogListenLost(e.GetType().Name);
            connection = null;

            // Wake the daemon so it checks now rather than after its timeout, then listens again.
            signal.Release();
        }
        finally
        {
            await listening.DisposeAsync();
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        lifetime.Cancel();
        lifetime.Dispose();
        dataSource.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot LISTEN for event appends ({Error}); the daemon polls until it can.")]
    private partial void LogListenFailed(string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The LISTEN connection for event appends was lost ({Error}); listening again.")]
    private partial void LogListenLost(string error);
}
