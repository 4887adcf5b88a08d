namespace HccPathway.Clinical.Regimen;

/// <summary>State of a planned item on a given date.</summary>
public enum DueStatus
{
    /// <summary>Planned date still ahead.</summary>
    Upcoming,

    /// <summary>Planned date reached and still within the grace days.</summary>
    Due,

    /// <summary>Past the planned date plus grace days and not done.</summary>
    Overdue,

    /// <summary>An actual administration is recorded.</summary>
    Done,

    /// <summary>Due or overdue, but the drug is on hold (SCHED-HOLD).</summary>
    Held,
}
