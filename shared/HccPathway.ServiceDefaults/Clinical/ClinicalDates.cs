namespace HccPathway.ServiceDefaults.Clinical;

/// <summary>Clinical dates are local dates at the centre; the servers run on UTC.</summary>
public static class ClinicalDates
{
    // The earliest time zone is UTC+14: a date up to that far ahead of UTC is already "today" somewhere.
    private static readonly TimeSpan LatestZoneOffset = TimeSpan.FromHours(14);

    /// <summary>The latest date that is "today" anywhere; a clinical date after it is in the future.</summary>
    public static DateOnly LatestPossibleToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime + LatestZoneOffset);

    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime);

    public static DateOnly NextWorkingDay(DateOnly date)
    {
        var next = date.AddDays(1);
        while (next.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            next = next.AddDays(1);
        }

        return next;
    }

    public static int AgeOn(DateOnly dateOfBirth, DateOnly on)
    {
        var age = on.Year - dateOfBirth.Year;
        return on < dateOfBirth.AddYears(age) ? age - 1 : age;
    }
}
