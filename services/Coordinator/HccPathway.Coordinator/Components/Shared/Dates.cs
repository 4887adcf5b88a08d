using System.Globalization;

namespace HccPathway.Coordinator.Components.Shared;

/// <summary>Dates as the user's locale writes them (the request culture of the session), days in the user's time zone.</summary>
public static class Dates
{
    public static string Show(DateOnly? date) => date?.ToString("d", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>A date with the month as a word (12 Mar 2026): unambiguous whatever the locale's order, short enough for a chart axis.</summary>
    public static string Medium(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>A moment in the user's time zone (the clock's local zone; see UserTimeProvider).</summary>
    public static string Show(DateTimeOffset? at, TimeProvider clock) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, clock.LocalTimeZone).ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>The value of an &lt;input type="date"&gt;, which is always ISO 8601.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
}
