using HccPathway.Contracts.SurgeryPlanning;
using System.Text.Json.Serialization;
using JasperFx.Metadata;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>
/// The per-patient readiness checklist document: every fact surgery planning has learned about the patient (from
/// other services' messages and its own decisions), and the last readiness evaluation appended to the pathway. The
/// consumers and the endpoints update it in the same transaction as what they append; <see cref="Version"/> makes
/// concurrent updates of one patient retry instead of overwriting each other.
/// </summary>
public sealed class PatientChecklist : IVersioned
{
    public Guid Id { get; set; }

    public Guid Version { get; set; }

    // ---- Treatment -------------------------------------------------------------------------------------------------
    public Fact<DateOnly>? EnrolledOn { get; set; }

    /// <summary>The actual start of lenvatinib (LEN-1): SD duration is counted from it (SURG-READY (1)).</summary>
    public Fact<DateOnly>? TreatmentStartedOn { get; set; }

    // ---- SURG-READY inputs -----------------------------------------------------------------------------------------
    public List<ResponseFact> Responses { get; set; } = [];

    /// <summary>
    /// Studies whose response was withdrawn (corrected or entered in error), with when: a response assessed up to then,
    /// even one that arrives later, no longer counts; a correction's new assessment, made after it, does.
    /// </summary>
    public Dictionary<Guid, DateTimeOffset> WithdrawnResponses { get; set; } = [];

    public Fact<int>? ChildPughScore { get; set; }

    /// <summary>The baseline Child–Pugh score (FAIL-3 compares the latest with it).</summary>
    public Fact<int>? BaselineChildPughScore { get; set; }

    public Fact<decimal>? IcgR15Percent { get; set; }

    public Fact<int>? Ecog { get; set; }

    /// <summary>FLR / SLV as a fraction.</summary>
    public Fact<double>? FlrToSlvRatio { get; set; }

    public Fact<bool>? ExtrahepaticDisease { get; set; }

    public Fact<bool>? R0ResectionFeasible { get; set; }

    public Fact<bool>? OtherContraindication { get; set; }

    public List<AdverseEventFact> AdverseEvents { get; set; } = [];

    // ---- Response and failure --------------------------------------------------------------------------------------
    /// <summary>The latest cCR state: true when confirmed, false when lost (RESP-CCR).</summary>
    public Fact<bool>? ClinicalCompleteResponse { get; set; }

    public List<ProgressionFact> Progressions { get; set; } = [];

    /// <summary>Studies whose progression was withdrawn, with when (as <see cref="WithdrawnResponses"/>).</summary>
    public Dictionary<Guid, DateTimeOffset> WithdrawnProgressions { get; set; } = [];

    public List<MarkerFact> Markers { get; set; } = [];

    // ---- Therapy history (SURG-WASH) -------------------------------------------------------------------------------
    public Fact<DateOnly>? LastTaceOn { get; set; }

    public Fact<DateOnly>? LastCamrelizumabOn { get; set; }

    public Fact<DateOnly>? LenvatinibLastStartedOn { get; set; }

    public Fact<DateOnly>? LenvatinibLastDoseOn { get; set; }

    public List<HoldFact> Holds { get; set; } = [];

    public List<Guid> ResumedHoldIds { get; set; } = [];

    /// <summary>The latest immune-hepatitis assessment after an ICI: true when excluded.</summary>
    public Fact<bool>? ImmuneHepatitisExcluded { get; set; }

    // ---- Surgery planning's own decisions --------------------------------------------------------------------------
    public List<MdtFact> MdtDecisions { get; set; } = [];

    public ResectionFact? Resection { get; set; }

    public bool AdjuvantDecided { get; set; }

    /// <summary>How the patient left the pathway; once set, readiness is closed (see <see cref="ChecklistWrites"/>).</summary>
    public ExitFact? Exit { get; set; }

    // ---- Readiness as last appended to the pathway -----------------------------------------------------------------
    public string? Verdict { get; set; }

    public DateOnly? LastEvaluatedOn { get; set; }

    public List<ReadinessCriterionResult> Criteria { get; set; } = [];

    /// <summary>Per criterion key, the date its current status began.</summary>
    public Dictionary<string, DateOnly> CriterionSince { get; set; } = [];

    /// <summary>When the verdict or a criterion last changed (the MDT agenda compares it with the last MDT).</summary>
    public DateTimeOffset? ReadinessChangedAt { get; set; }

    public DateOnly? VerdictSince { get; set; }

    /// <summary>SURG-READY: evidence events already recorded as stale (<c>ReadinessEvidenceWentStale</c>).</summary>
    public List<Guid> StaleEvidenceIds { get; set; } = [];

    /// <summary>The hospital (tenant) the checklist belongs to; the deadline sweep, reading every hospital's, needs it.</summary>
    public string Hospital { get; set; } = "";

    [JsonIgnore]
    public MdtFact? LastMdt => MdtDecisions.MaxBy(d => d.RecordedAt);

    [JsonIgnore]
    public DateOnly? LastImagingOn => Responses.Count == 0 ? null : Responses.Max(r => r.StudyOn);
}
