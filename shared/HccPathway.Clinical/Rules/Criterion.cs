namespace HccPathway.Clinical.Rules;

/// <summary>
/// One criterion a decision evaluated: what was observed, against which threshold, with which outcome,
/// under which rule ID, and which recorded facts it relied on. Decisions list every criterion they evaluated
/// (ELIG-X, SURG-READY) so the reasoning can be shown and audited.
/// </summary>
public sealed record Criterion(
    string RuleId,
    string Name,
    string Observed,
    string Threshold,
    CriterionOutcome Outcome)
{
    /// <summary>The numeric observation when there is one, in <see cref="Unit"/>.</summary>
    public decimal? ObservedValue { get; init; }

    public string? Unit { get; init; }

    public IReadOnlyList<EvidenceRef> Evidence { get; init; } = [];

    /// <summary>Why an outcome is Unknown (missing, stale) or any other remark for the reader.</summary>
    public string? Note { get; init; }

    public bool Passed => Outcome == CriterionOutcome.Pass;
}
