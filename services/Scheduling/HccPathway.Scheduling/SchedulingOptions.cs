namespace HccPathway.Scheduling;

/// <summary>Service policy that is not clinical: bound from the <c>Scheduling</c> section.</summary>
public sealed record SchedulingOptions
{
    /// <summary>
    /// How many days beyond today (in the latest time zone) an actual may be dated. 0 = no future actuals: what
    /// happened cannot have happened tomorrow. A centre that records the evening before may allow 1.
    /// </summary>
    public int ActualDateMaxDaysAhead { get; init; }

    /// <summary>
    /// How far ahead a coordinator may move a planned date (a regimen start, a delayed item). Not a clinical limit: it
    /// keeps every cascaded date on the calendar and refuses typing errors such as year 9999 as 400, not a server error.
    /// </summary>
    public int PlanningHorizonYears { get; init; } = 5;

    /// <summary>
    /// How often the deadline sweep (SCHED-DUE) runs; it also runs once at every start, so a restart catches up at once.
    /// Deadlines are days with days of grace, so an hour is early enough, and a sweep only reads the outstanding rows
    /// whose window may have passed.
    /// </summary>
    public TimeSpan DeadlineSweepInterval { get; init; } = TimeSpan.FromHours(1);
}
