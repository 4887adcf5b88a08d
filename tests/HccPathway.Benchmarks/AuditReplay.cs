using System.Globalization;

namespace HccPathway.Benchmarks;

/// <summary>P4: an auditor reads the full history of a long pathway and replays it as of the middle of its life.</summary>
public static class AuditReplay
{
    public static async Task<double> Run(PathwaySystem system, Guid pathwayId, int reads)
    {
        var middle = await Sql.Scalar<DateTime>(system.Settings.Postgres,
            $"select timestamp from {system.Store.EventsSchema}.mt_events where stream_id = @id " +
            $"order by version offset (select count(*) / 2 from {system.Store.EventsSchema}.mt_events where stream_id = @id) limit 1",
            ("id", pathwayId));
        var asOf = Uri.EscapeDataString(new DateTimeOffset(DateTime.SpecifyKind(middle, DateTimeKind.Utc)).ToString("O", CultureInfo.InvariantCulture));
        return await Stats.MedianMilliseconds(reads, async () =>
        {
            using var history = await system.Audit.GetAsync($"/pathways/{pathwayId}/history?pageSize=500");
            history.EnsureSuccessStatusCode();
            _ = await history.Content.ReadAsByteArrayAsync();
            using var state = await system.Audit.GetAsync($"/pathways/{pathwayId}/state?asOf={asOf}");
            state.EnsureSuccessStatusCode();
            _ = await state.Content.ReadAsByteArrayAsync();
        });
    }
}
