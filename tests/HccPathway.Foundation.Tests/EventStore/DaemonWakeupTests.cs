using System.Diagnostics;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.Testing;
using JasperFx;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HccPathway.Foundation.Tests.EventStore;

/// <summary>
/// The daemons learn of appends by NOTIFY: the appending transaction sends it, and the wakeup reacts at once when the
/// store is quiet, at most once per interval under load, and never loses a notification that arrives while the daemon
/// works. Each test uses a channel of its own, so other tests' appends on the shared database cannot wake it.
/// </summary>
public sealed class DaemonWakeupTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(400);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_quiet_wakeup_returns_on_the_first_notification_without_waiting_for_its_timeout()
    {
        var (postgres, channel) = await Setup();
        using var wakeup = new ThrottledAppendWakeup(postgres, Interval, NullLogger.Instance, channel);
        await wakeup.WaitAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None); // sets up LISTEN

        var watch = Stopwatch.StartNew();
        var waiting = wakeup.WaitAsync(Long, CancellationToken.None);
        await Notify(postgres, channel);
        await waiting.WaitAsync(Long);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"woke after {watch.Elapsed}");
    }

    [Fact]
    public async Task Under_load_wakeups_are_at_least_one_interval_apart_and_none_is_lost()
    {
        var (postgres, channel) = await Setup();
        using var wakeup = new ThrottledAppendWakeup(postgres, Interval, NullLogger.Instance, channel);
        await wakeup.WaitAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None);

        await Notify(postgres, channel);
        await wakeup.WaitAsync(Long, CancellationToken.None);
        var first = Stopwatch.StartNew();

        // Arrives while the daemon works (between two waits): the next wait must still return, after the interval.
        await Notify(postgres, channel);
        await wakeup.WaitAsync(Long, CancellationToken.None).WaitAsync(Long);

        Assert.InRange(first.Elapsed, Interval - TimeSpan.FromMilliseconds(20), Long - TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Without_a_notification_the_wakeup_returns_at_its_timeout()
    {
        var (postgres, channel) = await Setup();
        using var wakeup = new ThrottledAppendWakeup(postgres, Interval, NullLogger.Instance, channel);
        await wakeup.WaitAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None);

        var watch = Stopwatch.StartNew();
        await wakeup.WaitAsync(TimeSpan.FromMilliseconds(300), CancellationToken.None).WaitAsync(Long);

        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(280), Long);
    }

    [Fact]
    public async Task A_session_that_appends_events_notifies_on_commit_and_one_that_only_stores_documents_does_not()
    {
        var (postgres, channel) = await Setup();
        var schema = $"wake_{Guid.NewGuid():N}"[..20];
        using var store = DocumentStore.For(o =>
        {
            o.Connection(postgres);
            o.DatabaseSchemaName = schema;
            o.AutoCreateSchemaObjects = AutoCreate.All;
            o.Listeners.Add(new EventAppendNotifier(channel));
        });

        await using var listener = new NpgsqlConnection(postgres);
        await listener.OpenAsync();
        var notified = 0;
        listener.Notification += (_, _) => Interlocked.Increment(ref notified);
        await new NpgsqlCommand($"LISTEN {channel}", listener).ExecuteNonQueryAsync();

        try
        {
            await using (var session = store.LightweightSession())
            {
                session.Store(new Probe(Guid.NewGuid()));
                await session.SaveChangesAsync();
            }

            await listener.WaitAsync(TimeSpan.FromSeconds(1));
            Assert.Equal(0, notified);

            await using (var session = store.LightweightSession())
            {
                session.Events.StartStream(Guid.NewGuid(), new Probed(1));
                await session.SaveChangesAsync();
            }

            var deadline = Stopwatch.StartNew();
            while (notified == 0 && deadline.Elapsed < Long)
            {
                await listener.WaitAsync(TimeSpan.FromMilliseconds(200));
            }

            Assert.Equal(1, notified);
        }
        finally
        {
            await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", listener);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static async Task<(string Postgres, string Channel)> Setup() =>
        ((await Infrastructure.GetAsync()).Postgres, $"wake_{Guid.NewGuid():N}");

    private static async Task Notify(string postgres, string channel)
    {
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var notify = new NpgsqlCommand($"select pg_notify('{channel}', '')", connection);
        await notify.ExecuteNonQueryAsync();
    }

    public sealed record Probe(Guid Id);

    public sealed record Probed(int N);
}
