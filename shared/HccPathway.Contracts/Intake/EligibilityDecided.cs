namespace HccPathway.Contracts.Intake;

/// <summary>
/// Eligibility for conversion therapy was evaluated from the latest baseline (ELIG-1, ELIG-2, ELIG-3, ELIG-X).
/// Every criterion evaluated is listed with its observed value, threshold and outcome, whatever the verdict.
/// When a correction of the baseline made it decide again, <see cref="CausedBy"/> names the correction
/// (<see cref="BaselineCorrected"/> or <see cref="BaselineEnteredInError"/>); null for a clinician's decision and in
/// events stored before.
/// </summary>
public sealed record EligibilityDecided(
    Guid PathwayId,
    bool Eligible,
    IReadOnlyList<string> MatchedRules,
    IReadOnlyList<CriterionResult> Criteria,
    long BaselineStreamVersion,
    string RuleSetVersion,
    DateTimeOffset DecidedAt,
    Guid? CausedBy = null);

/// <summary>One criterion of a clinical decision: which rule, what was observed, against what, and the result.</summary>
/// <param name="Outcome">pass, fail or unknown.</param>
public sealed record CriterionResult(string RuleId, string Criterion, string Observed, string Threshold, string Outcome);
