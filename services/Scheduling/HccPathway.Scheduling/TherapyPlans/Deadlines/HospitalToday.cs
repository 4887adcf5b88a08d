using HccPathway.ServiceDefaults.Clinical;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>The one place the deadline sweep asks what day it is for a hospital.</summary>
public static class HospitalToday
{
    // Every hospital shares the UTC date for now; a per-hospital time zone replaces this one method.
    public static DateOnly Of(string hospital, DateTimeOffset now) => ClinicalDates.Today(now);
}
