using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Tenancy;

/// <summary>
/// The one answer to "what day is it": a clinical date is the date on the wall at the patient's hospital, so "today" is
/// the date in that hospital's zone at the injected <see cref="TimeProvider"/>'s instant. A date after it is in the future.
/// </summary>
public sealed class HospitalClock(TimeProvider time, IOptions<HospitalTimeZones> zones)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The instant, as <see cref="TimeProvider.GetUtcNow"/> gives it; the same everywhere.</summary>
    public DateTimeOffset GetUtcNow() => time.GetUtcNow();

    /// <summary>Today's date at <paramref name="hospital"/> (a Marten tenant id, as sessions carry it).</summary>
    public DateOnly Today(string hospital) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(GetUtcNow(), ZoneOf(hospital)).DateTime);

    public TimeZoneInfo ZoneOf(string hospital) =>
        resolved.GetOrAdd(hospital, h => TimeZoneInfo.FindSystemTimeZoneById(zones.Value.ZoneNameOf(h)));

    public static bool IsKnownZone(string? zone) =>
        !string.IsNullOrWhiteSpace(zone) && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);
}
