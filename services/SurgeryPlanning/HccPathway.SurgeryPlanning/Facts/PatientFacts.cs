using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>One mRECIST/RECIST response at an on-treatment study (RESP-RECIST, RESP-MRECIST).</summary>
/// <param name="ExtrahepaticStatus">As read on the study: none, stable or progressing.</param>
public sealed record ResponseFact(
    Guid StudyId,
    Guid EventId,
    DateOnly StudyOn,
    string? RecistCategory,
    string? MrecistCategory,
    string? RecistBestOverall,
    string? MrecistBestOverall,
    string ExtrahepaticStatus,
    DateTimeOffset AssessedAt);

/// <summary>One CTCAE grading of an adverse event; the report, each grade change and the resolution are gradings.</summary>
public sealed record GradingFact(DateOnly On, int Grade, Guid EventId, DateTimeOffset RecordedAt);

/// <summary>
/// An adverse event as far as it is known. A resolution or grade change may arrive before the report: until the
/// report arrives, <see cref="Reported"/> is false and the event is treated as treatment-related (the cautious reading).
/// </summary>
public sealed class AdverseEventFact
{
    public Guid AdverseEventId { get; set; }

    public bool Reported { get; set; }

    public string Term { get; set; } = "not yet reported";

    public bool TreatmentRelated { get; set; } = true;

    public List<string> SuspectedDrugs { get; set; } = [];

    public List<GradingFact> Gradings { get; set; } = [];
}

/// <summary>RESP-PROG: one progressing study and its pattern.</summary>
public sealed record ProgressionFact(Guid StudyId, Guid EventId, DateOnly StudyOn, string Pattern, string? FailureRuleId);

/// <summary>One tumour-marker sample in canonical units.</summary>
public sealed record MarkerFact(Guid SampleId, Guid EventId, DateOnly SampledOn, decimal? AfpNanogramsPerMillilitre, decimal? DcpMilliUnitsPerMillilitre);

/// <summary>SCHED-HOLD: a drug held for an AE; closed when a resumption names it (which may arrive first).</summary>
public sealed record HoldFact(Guid HoldId, string Drug, DateOnly HeldFrom, Guid EventId);

/// <summary>An MDT decision as the checklist needs it.</summary>
/// <summary>The patient left the pathway: readiness is closed and the worklists and the MDT agenda drop them.</summary>
public sealed record ExitFact(PathwayExitReason Reason, DateOnly ExitedOn, Guid EventId);

public sealed record MdtFact(Guid DecisionId, string Outcome, DateOnly DecidedOn, DateOnly? IntendedSurgeryOn, DateTimeOffset RecordedAt);

/// <summary>The resection as far as it went, and the last SURG-RISK result appended for it.</summary>
public sealed record ResectionFact(
    ResectionScheduled Scheduled,
    ResectionPerformed? Performed,
    string? RecurrenceRiskLevel,
    IReadOnlyList<CriterionResult> RecurrenceRiskFactors);
