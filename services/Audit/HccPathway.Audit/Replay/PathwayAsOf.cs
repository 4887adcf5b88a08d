using System.Collections.Immutable;

namespace HccPathway.Audit.Replay;

/// <summary>
/// A pathway as known at one moment: rebuilt only from the events recorded up to it. Nothing here is read from any
/// service's read model, so it shows what the record said then, not what it says now.
/// </summary>
/// <param name="Version">The last stream version folded (0 when nothing was recorded yet).</param>
/// <param name="KnownUpTo">When the last folded event was recorded.</param>
/// <param name="NotFolded">Events of types this build does not know: kept visible, never guessed at.</param>
public sealed record PathwayAsOf(
    Guid PathwayId,
    long Version,
    DateTimeOffset? KnownUpTo,
    string? Phase,
    EligibilityAsOf? Eligibility,
    RegimenAsOf? Regimen,
    ImmutableList<OpenAdverseEvent> OpenAdverseEvents,
    ResponseAsOf? LatestResponse,
    ReadinessAsOf? Readiness,
    ProgressionAsOf? LatestProgression,
    CompleteResponseAsOf? ClinicalCompleteResponse,
    MdtDecisionAsOf? LatestMdtDecision,
    WashoutAsOf? Washout,
    ResectionAsOf? Resection,
    AdjuvantAsOf? Adjuvant,
    ImmutableList<NotFoldedEvent> NotFolded)
{
    /// <summary>How and when the patient left the pathway, if they did.</summary>
    public ExitAsOf? Exit { get; init; }

    /// <summary>SURG-READY: readiness evidence recorded as stale (surgery planning's <c>readiness-evidence-went-stale</c>).</summary>
    public ImmutableList<StaleEvidenceAsOf> StaleEvidence { get; init; } = [];

    /// <summary>
    /// RESP-CCR (4): the latest stability period recorded as over (assessment's <c>ccr-stability-period-reached</c>): from
    /// its day an mRECIST CR study confirms the cCR.
    /// </summary>
    public CcrStabilityAsOf? CcrStabilityReached { get; init; }

    public static PathwayAsOf Empty(Guid pathwayId) =>
        new(pathwayId, 0, null, null, null, null, [], null, null, null, null, null, null, null, null, []);
}

public sealed record CcrStabilityAsOf(DateOnly ConditionsMetSince, int StabilityMonths, DateOnly ReachedOn, long Version);

public sealed record StaleEvidenceAsOf(Guid EvidenceEventId, DateOnly RecordedOn, DateOnly StaleOn, IReadOnlyList<string> CriteriaKeys, long Version);

public sealed record ExitAsOf(string Reason, DateOnly ExitedOn, string Detail, string RecordedBy, long Version);

public sealed record EligibilityAsOf(bool Eligible, IReadOnlyList<string> MatchedRules, string RuleSetVersion, long Version);

/// <summary>The LEN-TAP regimen as planned and as given so far (SCHED-LEN, SCHED-TACE, SCHED-CAM, SCHED-HOLD).</summary>
public sealed record RegimenAsOf(
    DateOnly StartOn,
    decimal PlannedLenvatinibDailyDoseMg,
    decimal CamrelizumabDoseMg,
    string RuleSetVersion,
    DateOnly? LenvatinibStartedOn,
    decimal? LenvatinibDailyDoseMg,
    DateOnly? LenvatinibLastDoseOn,
    int TaceSessions,
    DateOnly? LastTaceOn,
    int CamrelizumabDoses,
    DateOnly? LastCamrelizumabOn,
    ImmutableList<HoldAsOf> Holds,
    ImmutableSortedDictionary<string, TherapyItemAsOf> Items)
{
    /// <summary>Drugs held now: a hold is open until a resumption lists it.</summary>
    public IEnumerable<string> HeldDrugs => Holds.Select(h => h.Drug).Distinct();
}

public static class TherapyItemStatuses
{
    public const string Planned = "planned";
    public const string Done = "done";
    public const string Missed = "missed";
    public const string Cancelled = "cancelled";
    public const string Skipped = "skipped";

    /// <summary>SCHED-DUE: the item passed its due window without being given (Scheduling's <c>therapy-item-overdue</c>).</summary>
    public const string Overdue = "overdue";

    /// <summary>SCHED-DUE: a surveillance item reached its due date, still to be done (Scheduling's <c>surveillance-fell-due</c>).</summary>
    public const string Due = "due";
}

/// <param name="Status">One of <see cref="TherapyItemStatuses"/>.</param>
public sealed record TherapyItemAsOf(string ItemId, string ItemType, string Drug, string Phase, DateOnly DueOn, string Status, DateOnly? DoneOn);

/// <param name="ResumableFrom">Set once the AE is back to grade ≤ 1 (SCHED-HOLD); the drug stays held until resumed.</param>
public sealed record HoldAsOf(Guid HoldId, string Drug, DateOnly HeldFrom, Guid AdverseEventId, int Grade, DateOnly? ResumableFrom);

public sealed record OpenAdverseEvent(Guid AdverseEventId, string CtcaeTerm, int Grade, bool TreatmentRelated, DateOnly OnsetOn);

/// <summary>The latest follow-up response under both criteria (RESP-RECIST, RESP-MRECIST), with best overall responses.</summary>
public sealed record ResponseAsOf(
    Guid StudyId,
    DateOnly StudyOn,
    string? RecistCategory,
    string? MrecistCategory,
    string? RecistBestOverallResponse,
    string? MrecistBestOverallResponse,
    string RuleSetVersion,
    long Version);

/// <summary>The latest SURG-READY checklist as surgery planning recorded it: the verdict and each criterion's status.</summary>
/// <param name="Criteria">Criterion key to status (pass, fail, unknown), in the specification's order.</param>
public sealed record ReadinessAsOf(
    string Verdict, DateOnly EvaluatedOn, IReadOnlyList<ReadinessCriterionAsOf> Criteria, string RuleSetVersion, long Version);

public sealed record ReadinessCriterionAsOf(string Key, string RuleId, string Status, string Observed);

/// <summary>
/// The conversion resection: scheduled (with the readiness verdict for its date; a reschedule replaces both), then
/// performed (SURG-PATH, SURG-RISK), or cancelled (<see cref="CancelledBecause"/>). The scheduling fields are null when
/// no schedule was recorded for the resection performed.
/// </summary>
public sealed record ResectionAsOf(
    Guid ResectionId,
    DateOnly? ScheduledOn,
    string? ReadinessVerdictWhenScheduled,
    bool Override,
    DateOnly? PerformedOn,
    string? Margin,
    bool? PathologicalCompleteResponse,
    bool? MajorPathologicalResponse,
    string? RecurrenceRisk,
    long Version,
    string? CancelledBecause = null);

public sealed record ProgressionAsOf(Guid StudyId, DateOnly StudyOn, string Pattern, string? FailureRuleId, long Version);

/// <param name="LostOn">Null while the cCR still holds (RESP-CCR).</param>
public sealed record CompleteResponseAsOf(DateOnly ConfirmedOn, DateOnly? LostOn, long Version);

public sealed record MdtDecisionAsOf(
    Guid DecisionId, string Outcome, DateOnly DecidedOn, DateOnly? IntendedSurgeryOn, string? SuggestedRuleId, string DecidedBy, long Version);

public sealed record WashoutAsOf(DateOnly IntendedSurgeryOn, DateOnly EarliestSafeSurgeryOn, bool IntendedDateIsSafe, IReadOnlyList<string> OutstandingPrerequisites, long Version);

public sealed record AdjuvantAsOf(DateOnly StartOn, int DurationMonths, IReadOnlyList<string> Drugs, bool Planned, long Version);

public sealed record NotFoldedEvent(long Version, string Name);
