using HccPathway.Contracts.Intake;

namespace HccPathway.Contracts.Assessment;

/// <summary>
/// RESP-CCR: (1) mRECIST CR of all tumours, (2) every baseline-positive marker normal, (3) no distant metastasis on CT
/// and PET-CT, held since <see cref="ConditionsMetSince"/> for at least <see cref="StabilityMonths"/> months up to the
/// CR study of <see cref="ConfirmedOn"/>. Every criterion is listed with its outcome; <see cref="Evidence"/> names the
/// events relied on. SURG-CCR offers watch-and-wait after this.
/// </summary>
public sealed record ClinicalCompleteResponseConfirmed(
    Guid PathwayId,
    DateOnly ConfirmedOn,
    DateOnly ConditionsMetSince,
    int StabilityMonths,
    IReadOnlyList<CriterionResult> Criteria,
    CcrEvidence Evidence,
    string RuleSetVersion,
    DateTimeOffset RecordedAt);

/// <summary>
/// The facts a cCR rests on: the mRECIST CR studies since the conditions were met, the latest negative CT and PET-CT,
/// and the latest value of each baseline-positive marker.
/// </summary>
public sealed record CcrEvidence(
    IReadOnlyList<Guid> CompleteResponseStudyIds,
    Guid? CtStudyId,
    Guid? PetCtStudyId,
    IReadOnlyList<MarkerEvidence> Markers);

/// <summary>One marker value a decision relied on (canonical unit).</summary>
public sealed record MarkerEvidence(string Marker, decimal Value, string Unit, DateOnly SampledOn, Guid SampleId);

/// <summary>
/// A confirmed cCR no longer holds: a later study or marker broke one of RESP-CCR (1)–(3). <see cref="FailedCriteria"/>
/// lists which; <see cref="CauseEventId"/> is the study (<c>StudyId</c>) or sample (<c>SampleId</c>) that broke it.
/// </summary>
public sealed record ClinicalCompleteResponseLost(
    Guid PathwayId,
    DateOnly LostOn,
    DateOnly PreviouslyConfirmedOn,
    Guid CauseEventId,
    IReadOnlyList<CriterionResult> FailedCriteria,
    string RuleSetVersion,
    DateTimeOffset RecordedAt);

/// <summary>
/// RESP-CCR (4)'s stability period is over: (1)–(3) have held since <see cref="ConditionsMetSince"/>, nothing contrary
/// recorded since, and the patient's hospital day reached <see cref="ReachedOn"/> (that date plus
/// <see cref="StabilityMonths"/> months). An mRECIST CR study on or after <see cref="ReachedOn"/>, with CT and PET-CT still
/// free of distant metastasis, confirms the cCR. Appended once per start date and period, by Assessment's deadline sweep;
/// <see cref="Criteria"/> lists (1)–(3) with their outcomes and <see cref="Evidence"/> the events relied on.
/// </summary>
public sealed record CcrStabilityPeriodReached(
    Guid PathwayId,
    DateOnly ConditionsMetSince,
    int StabilityMonths,
    DateOnly ReachedOn,
    IReadOnlyList<CriterionResult> Criteria,
    CcrEvidence Evidence,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset RecordedAt);
