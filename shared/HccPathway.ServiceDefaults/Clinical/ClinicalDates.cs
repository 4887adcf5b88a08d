namespace HccPathway.ServiceDefaults.Clinical;

/// <summary>Pure date arithmetic on clinical dates. "Today" is the hospital's, from <see cref="Tenancy.HospitalClock"/>.</summary>
public static class ClinicalDates
{
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
