namespace HccPathway.Contracts.Assessment;

/// <summary>
/// An adverse event graded by CTCAE v5 (RESP-AE). <see cref="SuspectedDrugs"/> names drugs from <see cref="Drugs"/>;
/// a treatment-related event of grade 3 or more holds them (SCHED-HOLD).
/// </summary>
public sealed record AdverseEventReported(
    Guid PathwayId,
    Guid AdverseEventId,
    string CtcaeTerm,
    int Grade,
    DateOnly OnsetOn,
    bool TreatmentRelated,
    IReadOnlyList<string> SuspectedDrugs,
    DateTimeOffset ReportedAt);

/// <summary>The grade of an open adverse event changed (up or down, not to resolution).</summary>
public sealed record AdverseEventGradeChanged(
    Guid PathwayId,
    Guid AdverseEventId,
    int PreviousGrade,
    int Grade,
    DateOnly ChangedOn,
    DateTimeOffset RecordedAt);

/// <summary>The adverse event resolved: grade 1 or less, or back to normal (RESP-AE).</summary>
public sealed record AdverseEventResolved(
    Guid PathwayId,
    Guid AdverseEventId,
    int ResidualGrade,
    DateOnly ResolvedOn,
    DateTimeOffset RecordedAt);
