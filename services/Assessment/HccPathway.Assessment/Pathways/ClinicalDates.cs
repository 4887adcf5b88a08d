namespace HccPathway.Assessment.Pathways;

/// <summary>Clinical dates are local dates; the server runs on UTC.</summary>
public static class ClinicalDates
{
    // The earliest time zone is UTC+14: a date up to that far ahead of UTC is already "today" somewhere.
    private static readonly TimeSpan LatestZoneOffset = TimeSpan.FromHours(14);

    public static DateOnly LatestPossibleToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime + LatestZoneOffset);
}
