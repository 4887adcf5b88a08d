using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Clinical.Response;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Coordinator.Api;

// The services' read models as this app reads them. Contract types are reused where the services return them;
// service-internal read models are mirrored here with only the members the screens show (unknown members are ignored).

/// <summary>Intake's PatientSummary.</summary>
public sealed record PatientSummaryView(
    Guid Id, long Version, string MedicalRecordNumber, string FullName, DateOnly DateOfBirth, string Sex, DateOnly ReferralDate,
    string ReferringCentre, string Phase, DateOnly? BaselineAssessedOn, BaselineScores? Scores, bool? Eligible,
    IReadOnlyList<string> EligibilityRules, IReadOnlyList<CriterionResult> EligibilityCriteria, DateOnly? EnrolledOn,
    string? DecidedBy, string? DecisionNote)
{
    /// <summary>Why the patient left the pathway (Intake's PathwayExitReason), if they did.</summary>
    public string? ExitReason { get; init; }

    public DateOnly? ExitedOn { get; init; }

    public string? ExitDetail { get; init; }
}

/// <summary>Intake's list page.</summary>
public sealed record PatientPage(IReadOnlyList<PatientSummaryView> Items, long Total, int PageNumber, int PageSize);

/// <summary>Scheduling's CalendarRow.</summary>
public sealed record CalendarRowView(
    Guid PathwayId, string ItemId, string ItemType, string Drug, string Phase, int Sequence, DateOnly DueOn, decimal? DoseMg,
    string Route, string RuleId, string Status, DateOnly? ActualOn, decimal? ActualDoseMg, bool Missed, string? MissedReason,
    string? CancelledReason, DateOnly? HeldFrom, int Revision, string? SkippedReason = null, DateOnly? OverdueOn = null)
{
    public DateOnly Date => ActualOn ?? DueOn;

    public bool Outstanding => Status is "upcoming" or "due" or "overdue" or "held";
}

/// <summary>Scheduling's HoldState.</summary>
public sealed record HoldView(Guid HoldId, string Drug, Guid AdverseEventId, string CtcaeTerm, int Grade, DateOnly HeldFrom, DateOnly? ResumableFrom, DateOnly? ResumedOn)
{
    public bool Open => ResumedOn is null;
}

/// <summary>Scheduling's CalendarView.</summary>
public sealed record TherapyView(
    Guid PathwayId, long Version, DateOnly StartOn, decimal LenvatinibDailyDoseMg, bool LenvatinibRunning, DateOnly AsOf,
    IReadOnlyList<HoldView> Holds, IReadOnlyList<CalendarRowView> Items);

/// <summary>Scheduling's worklist page.</summary>
public sealed record WorklistView(DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<CalendarRowView> Items, bool Truncated);

/// <summary>Surgery planning's ChecklistQueries.CriterionView and ChecklistView.</summary>
public sealed record CriterionView(ReadinessCriterionResult Criterion, DateOnly? Since);

public sealed record ChecklistView(
    Guid PathwayId, string Verdict, DateOnly? VerdictSince, DateOnly EvaluatedOn, IReadOnlyList<CriterionView> Criteria,
    IReadOnlyList<string> Blocking, string RuleSetVersion);

/// <summary>Surgery planning's readiness list entry.</summary>
public sealed record ReadinessEntry(Guid PathwayId, string Verdict, IReadOnlyList<string> Blocking, DateOnly? Since);

/// <summary>Assessment's adverse events.</summary>
public sealed record AdverseEventView(
    Guid Id, string CtcaeTerm, bool TreatmentRelated, IReadOnlyList<string> SuspectedDrugs, DateOnly OnsetOn, int Grade, int MaxGrade,
    bool Open, DateOnly? ResolvedOn);

public sealed record AdverseEventsView(Guid PathwayId, long Version, int MaxOpenGrade, IReadOnlyList<AdverseEventView> Items);

/// <summary>Assessment's ResponseRow and ResponseHistory: both criteria side by side.</summary>
public sealed record ResponseRowView(Guid StudyId, DateOnly StudyOn, string Modality, bool IsBaseline, CriteriaResponse Recist, CriteriaResponse Mrecist, string ExtrahepaticStatus);

public sealed record ResponseHistoryView(IReadOnlyList<ResponseRowView> Studies, string? BestOverallRecist, string? BestOverallMrecist);

/// <summary>Assessment's MarkerTrend: the AFP values the response chart plots beside the sums.</summary>
public sealed record MarkerTrendView(BaselineMarkers? Baseline, IReadOnlyList<MarkerSampleView> Samples);

public sealed record MarkerSampleView(DateOnly SampledOn, decimal? AfpNanogramsPerMillilitre)
{
    /// <summary>The sample's id: corrections and entered-in-error name it.</summary>
    public Guid SampleId { get; init; }

    public decimal? DcpMilliUnitsPerMillilitre { get; init; }
}

/// <summary>Audit's history page (auditors only), pseudonymised unless identity is asked for.</summary>
public sealed record HistoryView(long StreamVersion, long Total, int Page, int PageSize, IReadOnlyList<HistoryEntryView> Items);

/// <summary>One event as the audit service stored it; <see cref="Data"/> is its body exactly.</summary>
public sealed record HistoryEntryView(
    long Version, long Sequence, Guid EventId, string Name, string Owner, DateTimeOffset RecordedAt, string? User,
    string? CorrelationId, string? CausationId, System.Text.Json.JsonElement Data);

/// <summary>Surgery planning's centre benchmark (CentreBenchmark.Comparison), with the clinical library's Rate.</summary>
public sealed record BenchmarkView(DateOnly? EnrolledFrom, DateOnly? EnrolledTo, CentreRatesView Centre, IReadOnlyList<PublishedCohortView> Published);

public sealed record CentreRatesView(int CohortSize, ResponseRatesView Response, SurgeryRatesView Surgery, Rate GradeThreeOrHigherTrae);

public sealed record ResponseRatesView(int CohortSize, CriteriaRatesView Recist, CriteriaRatesView Mrecist);

public sealed record CriteriaRatesView(int Evaluable, Rate ObjectiveResponseRate, Rate DiseaseControlRate);

public sealed record SurgeryRatesView(Rate ConversionResection, Rate R0, Rate PathologicalCompleteResponse, Rate MajorPathologicalResponse);

public sealed record PublishedCohortView(
    string Protocol, string Reference, string Patients, decimal? OrrRecistPercent, decimal? OrrMrecistPercent, string? OrrNote,
    decimal? ConversionResectionPercent, decimal? R0Percent, decimal? GradeThreeTraePercent);

/// <summary>Surgery planning's MDT suggestions (contract types).</summary>
public sealed record MdtSuggestionsView(IReadOnlyList<MdtSuggestion> Suggestions, string? FollowUp, string RuleSetVersion);

/// <summary>Surgery planning's follow-up imaging worklist entry (SCHED-FU).</summary>
public sealed record FollowUpEntry(Guid PathwayId, string Outcome, DateOnly DecidedOn, DateOnly LastImagingOn, DateOnly DueFrom, DateOnly DueBy, string Status);

/// <summary>Surgery planning's SurgeryQueries: MDT decisions, the resection as far as it went, adjuvant decided.</summary>
public sealed record MdtDecisionView(string Outcome, DateOnly DecidedOn, DateOnly? IntendedSurgeryOn);

public sealed record ResectionView(
    DateOnly ScheduledOn, string Procedure, bool Override, DateOnly? PerformedOn, string? Margin, bool? PathologicalCompleteResponse, string? RecurrenceRiskLevel);

public sealed record SurgeryView(Guid PathwayId, IReadOnlyList<MdtDecisionView> MdtDecisions, ResectionView? Resection, bool AdjuvantDecided);

public sealed record ResectionEntryView(Guid PathwayId, ResectionView Resection, bool AdjuvantDecided);
