using System.Diagnostics;

namespace HccPathway.Benchmarks;

/// <summary>
/// Waits until the services have finished what the previous load left them: every daemon shard (relays, projections,
/// subscriptions) at the store's last event and no message in the broker, twice a second apart. A figure measured
/// earlier would pay for its predecessor's backlog: P4 measured right after P2 came out at 3.8× B4 instead of 1.6×.
/// </summary>
public static class Quiet
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static async Task Wait(PathwaySystem system, Broker broker, TimeSpan timeout)
    {
        var events = system.Store.EventsSchema;
        var postgres = system.Settings.Postgres;
        var watch = Stopwatch.StartNew();
        (long Last, long Slowest, long Queued) previous = (-1, -1, -1);
        while (true)
        {
            var last = await Sql.Scalar<long>(postgres, $"select coalesce(max(seq_id), 0) from {events}.mt_events");
            var slowest = await Sql.Scalar<long>(postgres, $"select coalesce(min(last_seq_id), 0) from {events}.mt_event_progression");
            var queued = await broker.QueuedMessages();
            var now = (last, slowest, queued);
            if (slowest >= last && queued == 0 && now == previous)
            {
                Console.WriteLine($"  quiet after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }

            if (watch.Elapsed > timeout)
            {
                Console.WriteLine($"  not quiet after {timeout.TotalSeconds:F0} s (last event {last}, slowest shard {slowest}, {queued} queued); measuring anyway");
                return;
            }

            previous = now;
            await Task.Delay(Poll);
        }
    }
}
