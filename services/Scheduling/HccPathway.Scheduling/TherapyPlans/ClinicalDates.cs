namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>Clinical dates are local dates; the server runs on UTC.</summary>
public static class ClinicalDates
{
    // The earliest time zone is UTC+14: a date up to that far ahead of UTC is already "today" somewhere.
    private static readonly TimeSpan LatestZoneOffset = TimeSpan.FromHours(14);

    public static DateOnly LatestPossibleToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime + LatestZoneOffset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    /// <summary>The next Monday-to-Friday after <paramref name="date"/> (public holidays are the coordinator's to adjust).</summary>
    public static DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }
}
