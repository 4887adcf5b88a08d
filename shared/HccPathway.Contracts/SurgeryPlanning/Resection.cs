namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>SURG-PATH margin status.</summary>
public static class ResectionMargins
{
    public const string R0 = "R0";
    public const string R1 = "R1";
    public const string R2 = "R2";

    public static IReadOnlyList<string> All { get; } = [R0, R1, R2];
}

/// <summary>Clavien–Dindo grades of a surgical complication.</summary>
public static class ClavienDindoGrades
{
    public static IReadOnlyList<string> All { get; } = ["I", "II", "IIIa", "IIIb", "IVa", "IVb", "V"];
}

/// <summary>Edmondson–Steiner grades.</summary>
public static class EdmondsonGrades
{
    public static IReadOnlyList<string> All { get; } = ["I", "II", "III", "IV"];
}

/// <summary>
/// A clinician scheduled the conversion resection that the MDT decision <see cref="MdtDecisionId"/> intended. The
/// readiness checklist (SURG-READY) and the washout (SURG-WASH) on <see cref="ScheduledOn"/> are recorded as they
/// stood. When a criterion did not pass, or the date is before the earliest safe date, or a washout prerequisite is
/// outstanding, the clinician had to override: <see cref="Override"/> is then true and <see cref="OverrideReason"/> says why.
/// </summary>
/// <param name="ReadinessVerdict">One of <see cref="ReadinessVerdicts"/>.</param>
/// <param name="NotPassingCriteria">Readiness criteria keys that did not pass, with their status ("flr: unknown").</param>
public sealed record ResectionScheduled(
    Guid PathwayId,
    Guid ResectionId,
    Guid MdtDecisionId,
    DateOnly ScheduledOn,
    string Procedure,
    string ReadinessVerdict,
    IReadOnlyList<string> NotPassingCriteria,
    WashoutEvaluation Washout,
    bool Override,
    string? OverrideReason,
    string RuleSetVersion,
    string ScheduledBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// A clinician moved the booked resection <see cref="ResectionId"/> from <see cref="PreviousScheduledOn"/> to
/// <see cref="ScheduledOn"/>, with a reason. SURG-READY and SURG-WASH were judged again for the new date and are recorded
/// as they stood, with an override exactly as in <see cref="ResectionScheduled"/>.
/// </summary>
/// <param name="ReadinessVerdict">One of <see cref="ReadinessVerdicts"/>, evaluated for <see cref="ScheduledOn"/>.</param>
public sealed record ResectionRescheduled(
    Guid PathwayId,
    Guid ResectionId,
    DateOnly PreviousScheduledOn,
    DateOnly ScheduledOn,
    string Reason,
    string ReadinessVerdict,
    IReadOnlyList<string> NotPassingCriteria,
    WashoutEvaluation Washout,
    bool Override,
    string? OverrideReason,
    string RuleSetVersion,
    string RescheduledBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// A clinician cancelled the booked resection <see cref="ResectionId"/> (it was scheduled for <see cref="ScheduledOn"/>),
/// with a reason. A new resection may be scheduled afterwards.
/// </summary>
public sealed record ResectionCancelled(
    Guid PathwayId,
    Guid ResectionId,
    DateOnly ScheduledOn,
    string Reason,
    string CancelledBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// SURG-WASH from the therapy history: per drug class the last exposure (with the event that recorded it), its washout
/// and the earliest surgery date it allows. <see cref="EarliestSafeSurgeryOn"/> is the latest of those and the
/// evaluation date. After an ICI, immune hepatitis must be excluded on or after the last dose
/// (<see cref="ImmuneHepatitisExclusionEventId"/>); otherwise it is in <see cref="OutstandingPrerequisites"/>.
/// </summary>
public sealed record WashoutEvaluation(
    DateOnly EvaluatedOn,
    IReadOnlyList<WashoutClass> Classes,
    DateOnly EarliestSafeSurgeryOn,
    bool ImmuneHepatitisExclusionRequired,
    Guid? ImmuneHepatitisExclusionEventId,
    IReadOnlyList<string> OutstandingPrerequisites);

/// <param name="DrugClass">One of <c>Scheduling.DrugClasses</c>.</param>
/// <param name="Drug">One of <see cref="Drugs"/>.</param>
/// <param name="Ongoing">True when the drug has not been stopped (the evaluation date stands in for the last dose).</param>
public sealed record WashoutClass(
    string DrugClass,
    string Drug,
    DateOnly LastExposureOn,
    bool Ongoing,
    Guid? LastExposureEventId,
    int WashoutDays,
    DateOnly EarliestSurgeryOn,
    string Note);

/// <summary>
/// The resection <see cref="ResectionId"/> was performed (SURG-PATH): procedure, margin, pathology and complications.
/// pCR = no viable tumour; MPR = viable tumour at or below the rule set's limit (includes pCR).
/// </summary>
/// <param name="Margin">One of <see cref="ResectionMargins"/>.</param>
/// <param name="MarginWidthMm">Narrowest margin in millimetres, when measured (SURG-RISK: ≤ 10 mm is a risk factor).</param>
public sealed record ResectionPerformed(
    Guid PathwayId,
    Guid ResectionId,
    DateOnly PerformedOn,
    string Procedure,
    string Margin,
    decimal? MarginWidthMm,
    ResectionPathology Pathology,
    IReadOnlyList<SurgicalComplication> Complications,
    string RuleSetVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <param name="ViableTumourPercent">Viable tumour in the specimen, 0–100 %.</param>
/// <param name="EdmondsonGrade">One of <see cref="EdmondsonGrades"/>; null when no viable tumour was graded.</param>
public sealed record ResectionPathology(
    decimal ViableTumourPercent,
    bool PathologicalCompleteResponse,
    bool MajorPathologicalResponse,
    string? EdmondsonGrade,
    bool? MicrovascularInvasion,
    bool? MacrovascularInvasion,
    int? TumourCount,
    decimal? LargestTumourMm,
    bool? LymphNodeMetastasis);

/// <param name="ClavienDindoGrade">One of <see cref="ClavienDindoGrades"/>.</param>
public sealed record SurgicalComplication(string Description, string ClavienDindoGrade, DateOnly OccurredOn);

/// <summary>Recurrence risk levels (SURG-RISK).</summary>
public static class RecurrenceRiskLevels
{
    public const string High = "high";
    public const string NotHigh = "not-high";

    /// <summary>No risk factor present but at least one unknown.</summary>
    public const string Indeterminate = "indeterminate";
}

/// <summary>
/// SURG-RISK after the resection <see cref="ResectionId"/>: every factor with its outcome ("pass" means the risk
/// factor is present). Postoperative AFP/DCP samples the marker factor used are listed in <see cref="MarkerSampleIds"/>.
/// Re-appended when later markers change the result.
/// </summary>
/// <param name="Level">One of <see cref="RecurrenceRiskLevels"/>.</param>
public sealed record RecurrenceRiskEvaluated(
    Guid PathwayId,
    Guid ResectionId,
    string Level,
    IReadOnlyList<Intake.CriterionResult> Factors,
    IReadOnlyList<Guid> MarkerSampleIds,
    string RuleSetVersion,
    DateTimeOffset EvaluatedAt);
