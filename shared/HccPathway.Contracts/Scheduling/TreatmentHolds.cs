namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SCHED-HOLD: a treatment-related adverse event of CTCAE grade ≥ 3 holds <see cref="Drug"/> from <see cref="HeldFrom"/>
/// (the date the AE reached that grade). One event per suspected drug; <see cref="HoldId"/> is stable for that AE and drug.
/// </summary>
public sealed record TreatmentHeld(
    Guid PathwayId,
    Guid HoldId,
    string Drug,
    DateOnly HeldFrom,
    Guid AdverseEventId,
    string CtcaeTerm,
    int Grade,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset HeldAt);

/// <summary>
/// SCHED-HOLD: the AE behind a hold is back to grade ≤ 1, so a clinician may resume <see cref="Drug"/>. The drug stays
/// held until <see cref="TreatmentResumed"/>.
/// </summary>
public sealed record TreatmentResumable(
    Guid PathwayId,
    Guid HoldId,
    string Drug,
    Guid AdverseEventId,
    int Grade,
    DateOnly ResumableFrom,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset RecordedAt);

/// <summary>A clinician resumed a held drug; every hold it lists is closed. A lower lenvatinib dose is a separate <see cref="LenvatinibDoseChanged"/>.</summary>
public sealed record TreatmentResumed(
    Guid PathwayId,
    string Drug,
    DateOnly ResumedOn,
    IReadOnlyList<Guid> HoldIds,
    string Reason,
    string ResumedBy,
    DateTimeOffset ResumedAt);

/// <summary>
/// SCHED-HOLD: an open hold no longer rests on anything, because Assessment corrected its adverse event (grade below
/// the hold threshold, not treatment-related, the drug no longer suspected) or entered it in error. The hold is void,
/// not resumed: the drug is no longer held by it and it no longer shows on the calendar. <see cref="CausedBy"/> is the
/// correction's <c>CorrectionId</c>.
/// </summary>
public sealed record TreatmentHoldReleased(
    Guid PathwayId,
    Guid HoldId,
    string Drug,
    Guid AdverseEventId,
    Guid CausedBy,
    string Reason,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset ReleasedAt);
