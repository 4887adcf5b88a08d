using System.Globalization;

namespace HccPathway.Benchmarks;

/// <summary>P4: an auditor reads the full history of a long pathway and replays it as of the middle of its life.</summary>
public static class AuditReplay
{
    /// <summary>Median milliseconds of the history read, of the as-of replay, and of the two one after the other.</summary>
    public sealed record Result(double History, double Replay, double Both);

    public static async Task<Result> Run(PathwaySystem system, Guid pathwayId, int reads)
    {
        var middle = await Sql.Scalar<DateTime>(system.Settings.Postgres,
            $"select timestamp from {system.Store.EventsSchema}.mt_events where stream_id = @id " +
            $"order by version offset (select count(*) / 2 from {system.Store.EventsSchema}.mt_events where stream_id = @id) limit 1",
            ("id", pathwayId));
        var asOf = Uri.EscapeDataString(new DateTimeOffset(DateTime.SpecifyKind(middle, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture));
        async Task Get(string path)
        {
            using var response = await system.Audit.GetAsync(path);
            response.EnsureSuccessStatusCode();
            _ = await response.Content.ReadAsByteArrayAsync();
        }

        var history = $"/pathways/{pathwayId}/history?pageSize=500";
        var state = $"/pathways/{pathwayId}/state?asOf={asOf}";
        return new Result(
            await Stats.MedianMilliseconds(reads, () => Get(history)),
            await Stats.MedianMilliseconds(reads, () => Get(state)),
            await Stats.MedianMilliseconds(reads, async () =>
            {
                await Get(history);
                await Get(state);
            }));
    }
}
