using System.Diagnostics;

namespace HccPathway.Benchmarks;

/// <summary>
/// Waits until the services have finished what the previous load left them: no new event, no daemon shard (relays,
/// projections, subscriptions) moving and no message in the broker, for three polls a second apart. A figure measured
/// earlier pays for its predecessor's backlog: P4 taken straight after P2 was 92 ms, against 18-22 ms once quiet.
/// Shards are not required to reach the last event: one whose event types stopped arriving may stay a little behind.
/// </summary>
public static class Quiet
{
    private const int StillPolls = 3;
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    public static async Task Wait(PathwaySystem system, Broker broker, TimeSpan timeout)
    {
        var events = system.Store.EventsSchema;
        var postgres = system.Settings.Postgres;
        var watch = Stopwatch.StartNew();
        var previous = "";
        var still = 0;
        while (true)
        {
            var store = await Sql.Scalar<string>(postgres,
                $"select (select coalesce(max(seq_id), 0) from {events}.mt_events)::text || ' ' || " +
                $"coalesce((select string_agg(name || '=' || last_seq_id, ' ' order by name) from {events}.mt_event_progression), '')");
            var queued = await broker.QueuedMessages();
            var now = $"{store} queued={queued}";
            still = queued == 0 && now == previous ? still + 1 : 0;
            if (still >= StillPolls)
            {
                Console.WriteLine($"  quiet after {watch.Elapsed.TotalSeconds:F1} s");
                return;
            }

            if (watch.Elapsed > timeout)
            {
                Console.WriteLine($"  not quiet after {timeout.TotalSeconds:F0} s ({queued} messages queued); measuring anyway");
                return;
            }

            previous = now;
            await Task.Delay(Poll);
        }
    }
}
