namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>Readiness verdicts (SURG-READY).</summary>
public static class ReadinessVerdicts
{
    /// <summary>Every criterion passes.</summary>
    public const string Ready = "ready";

    /// <summary>No criterion fails and exactly one is unknown (missing or stale evidence).</summary>
    public const string NearlyReady = "nearly-ready";

    /// <summary>A criterion fails, or more than one is unknown.</summary>
    public const string Blocked = "blocked";

    public static IReadOnlyList<string> All { get; } = [Ready, NearlyReady, Blocked];
}

/// <summary>Outcome of one readiness criterion.</summary>
public static class CriterionStatuses
{
    public const string Pass = "pass";
    public const string Fail = "fail";

    /// <summary>The evidence is missing or older than the rule set's maximum evidence age: never counted as a pass.</summary>
    public const string Unknown = "unknown";
}

/// <summary>Stable keys of the six SURG-READY criteria, in the specification's order.</summary>
public static class ReadinessCriteria
{
    public const string Response = "response";
    public const string R0Feasible = "r0-feasible";
    public const string FutureLiverRemnant = "future-liver-remnant";
    public const string LiverFunctionAndPerformance = "liver-function-and-performance";
    public const string NoExtrahepaticDisease = "no-extrahepatic-disease";
    public const string AdverseEventsResolved = "adverse-events-resolved";

    public static IReadOnlyList<string> All { get; } =
        [Response, R0Feasible, FutureLiverRemnant, LiverFunctionAndPerformance, NoExtrahepaticDisease, AdverseEventsResolved];
}

/// <summary>
/// SURG-READY was re-evaluated after a relevant event and the verdict or at least one criterion changed (it is not
/// appended when nothing changed). Every criterion is listed with its status, value, evidence and what is missing.
/// <see cref="TriggeredBy"/> is the id of the event (message) whose arrival caused the evaluation, or of the
/// surgery-planning command that did.
/// </summary>
/// <param name="Verdict">One of <see cref="ReadinessVerdicts"/>.</param>
/// <param name="ChangedCriteria">Keys (<see cref="ReadinessCriteria"/>) whose status, value or evidence changed since the previous evaluation.</param>
public sealed record SurgicalReadinessEvaluated(
    Guid PathwayId,
    string Verdict,
    DateOnly EvaluatedOn,
    IReadOnlyList<ReadinessCriterionResult> Criteria,
    IReadOnlyList<string> ChangedCriteria,
    string? PreviousVerdict,
    Guid? TriggeredBy,
    string RuleSetVersion,
    DateTimeOffset EvaluatedAt);

/// <summary>One SURG-READY criterion.</summary>
/// <param name="Key">One of <see cref="ReadinessCriteria"/>.</param>
/// <param name="Status">One of <see cref="CriterionStatuses"/>.</param>
/// <param name="Observed">What was observed, in words (e.g. "Child–Pugh 6; ICG-R15 12 %; ECOG 1").</param>
/// <param name="ObservedValue">The number when there is one, in <see cref="Unit"/> (e.g. FLR/SLV in %).</param>
/// <param name="Missing">Why the status is unknown (missing value, stale value) or null.</param>
public sealed record ReadinessCriterionResult(
    string Key,
    string RuleId,
    string Name,
    string Status,
    string Observed,
    decimal? ObservedValue,
    string? Unit,
    string Threshold,
    IReadOnlyList<ReadinessEvidence> Evidence,
    string? Missing);

/// <summary>A fact a criterion relied on: the event (message) id that recorded it and its clinical date.</summary>
public sealed record ReadinessEvidence(Guid EventId, DateOnly On);
