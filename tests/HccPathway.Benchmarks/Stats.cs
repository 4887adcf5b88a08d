namespace HccPathway.Benchmarks;

public static class Stats
{
    /// <summary>Nearest-rank percentile (p in 0..1) of unsorted samples.</summary>
    public static double Percentile(IEnumerable<double> samples, double p)
    {
        var sorted = samples.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public static double Median(IEnumerable<double> samples) => Percentile(samples, 0.5);

    /// <summary>Times <paramref name="run"/> after one warm-up call; returns the median in milliseconds.</summary>
    public static async Task<double> MedianMilliseconds(int times, Func<Task> run)
    {
        await run();
        var samples = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await run();
            samples.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(samples);
    }
}
