using System.Globalization;

namespace HccPathway.Benchmarks;

/// <summary>P4: an auditor reads the full history of a long pathway and replays it as of the middle of its life.</summary>
public static class AuditReplay
{
    /// <summary>
    /// Median milliseconds of the history read, of the as-of replay, of the two one after the other, and of an audited
    /// read of a pathway that does not exist: what every audit read costs before it reads an event (HTTP, token, one
    /// query, the commit of the read-log record).
    /// </summary>
    public sealed record Result(double History, double Replay, double Both, double Floor);

    public static async Task<Result> Run(PathwaySystem system, Guid pathwayId, int reads)
    {
        var read = await Reader(system.Settings.Postgres, system.Store, system.Audit, pathwayId);
        await WarmUp(read);
        return new Result(
            await Stats.MedianMilliseconds(reads, read.History),
            await Stats.MedianMilliseconds(reads, read.State),
            await Stats.MedianMilliseconds(reads, read.Both),
            await Stats.MedianMilliseconds(reads, () => NotFound(system.Audit)));
    }

    private static async Task NotFound(HttpClient audit)
    {
        using var response = await audit.GetAsync($"/pathways/{Guid.NewGuid()}/state");
        if (response.StatusCode != System.Net.HttpStatusCode.NotFound)
        {
            throw new InvalidOperationException($"Expected 404 for a pathway that does not exist, got {(int)response.StatusCode}.");
        }

        _ = await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>
    /// P4 (history + as-of replay) on two stores, read in turn, <paramref name="reads"/> times each: median
    /// milliseconds on each. Alternating keeps a drift of the machine's speed out of the comparison.
    /// </summary>
    public static async Task<(double First, double Second)> Alternating(
        string postgres, (Store Store, HttpClient Audit, Guid Pathway) first, (Store Store, HttpClient Audit, Guid Pathway) second, int reads)
    {
        var a = await Reader(postgres, first.Store, first.Audit, first.Pathway);
        var b = await Reader(postgres, second.Store, second.Audit, second.Pathway);
        await WarmUp(a);
        await WarmUp(b);
        var (onFirst, onSecond) = (new List<double>(reads), new List<double>(reads));
        for (var i = 0; i < reads; i++)
        {
            onFirst.Add(await Timed(a.Both));
            onSecond.Add(await Timed(b.Both));
        }

        return (Stats.Median(onFirst), Stats.Median(onSecond));

        static async Task<double> Timed(Func<Task> read)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await read();
            return System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }

    /// <summary>
    /// The audit service's first reads run its ReadyToRun code; the runtime recompiles the hot methods after about 30
    /// calls, in the background. Measured from a fresh process, the reads were up to twice as slow as after a minute of
    /// reading, so the figure is the steady state after <see cref="WarmUpReads"/> reads of each kind.
    /// </summary>
    private const int WarmUpReads = 60;

    private static async Task WarmUp(Reads read)
    {
        for (var i = 0; i < WarmUpReads; i++)
        {
            await read.Both();
        }

        // The recompilation itself runs on a background thread after a short delay.
        await Task.Delay(TimeSpan.FromMilliseconds(500));
    }

    private sealed record Reads(Func<Task> History, Func<Task> State)
    {
        public async Task Both()
        {
            await History();
            await State();
        }
    }

    private static async Task<Reads> Reader(string postgres, Store store, HttpClient audit, Guid pathwayId)
    {
        var middle = await Sql.Scalar<DateTime>(postgres,
            $"select timestamp from {store.EventsSchema}.mt_events where stream_id = @id " +
            $"order by version offset (select count(*) / 2 from {store.EventsSchema}.mt_events where stream_id = @id) limit 1",
            ("id", pathwayId));
        var asOf = Uri.EscapeDataString(new DateTimeOffset(DateTime.SpecifyKind(middle, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture));
        async Task Get(string path)
        {
            using var response = await audit.GetAsync(path);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        }

        return new Reads(() => Get($"/pathways/{pathwayId}/history?pageSize=500"), () => Get($"/pathways/{pathwayId}/state?asOf={asOf}"));
    }
}
