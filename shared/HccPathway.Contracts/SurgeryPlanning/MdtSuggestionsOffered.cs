namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>
/// What the rules suggested to the MDT for the decision <see cref="DecisionId"/>, appended just before that
/// <see cref="MdtDecisionRecorded"/>: SURG-READY (resect when ready), SURG-CCR (watch-and-wait or salvage resection)
/// and, after conversion failure, FAIL-1..4 second-line options with the SCHED-FU follow-up. Suggestions are never
/// orders; the clinician's decision is the <see cref="MdtDecisionRecorded"/>. <see cref="Inputs"/> names every fact
/// the suggestions were computed from.
/// </summary>
public sealed record MdtSuggestionsOffered(
    Guid PathwayId,
    Guid DecisionId,
    IReadOnlyList<MdtSuggestion> Suggestions,
    MdtSuggestionInputs Inputs,
    string? FollowUp,
    string RuleSetVersion,
    DateTimeOffset OfferedAt);

/// <param name="RuleId">SURG-READY, SURG-CCR, FAIL-1a, FAIL-1b, FAIL-1c, FAIL-1 (other pattern), FAIL-2, FAIL-3 or FAIL-4.</param>
/// <param name="Outcome">The <see cref="MdtOutcomes"/> value the suggestion points to.</param>
/// <param name="Options">Concrete options (e.g. "TACE", "HAIC").</param>
/// <param name="Preferred">True when the rule prefers this suggestion over the others offered.</param>
public sealed record MdtSuggestion(string RuleId, string Outcome, string Text, IReadOnlyList<string> Options, bool Preferred);

/// <summary>The facts behind the suggestions, each with the event id that recorded it.</summary>
/// <param name="ReadinessVerdict">One of <see cref="ReadinessVerdicts"/> on the decision date.</param>
/// <param name="LatestMrecistCategory">CR, PR, SD, PD or NE; null when no on-treatment assessment.</param>
/// <param name="ProgressionPattern">The latest RESP-PROG pattern (assessment's ProgressionPatternNames) or null.</param>
/// <param name="Intolerance">FAIL-2: a treatment-related AE of grade ≥ 3 was recorded, or a drug is on hold.</param>
/// <param name="LiverDiseaseWorsening">FAIL-3: the latest Child–Pugh score is above the baseline score and above the SURG-READY maximum.</param>
/// <param name="FutureLiverRemnantRatio">FAIL-4: the latest FLR / SLV (fraction).</param>
public sealed record MdtSuggestionInputs(
    string ReadinessVerdict,
    string? LatestMrecistCategory,
    Guid? LatestResponseEventId,
    bool ClinicalCompleteResponseConfirmed,
    Guid? ClinicalCompleteResponseEventId,
    string? ProgressionPattern,
    Guid? ProgressionEventId,
    bool Intolerance,
    IReadOnlyList<Guid> IntoleranceEventIds,
    bool LiverDiseaseWorsening,
    Guid? LiverFunctionEventId,
    double? FutureLiverRemnantRatio,
    Guid? FutureLiverRemnantEventId);
