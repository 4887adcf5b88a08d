namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>The outcomes an MDT can decide (SURG-CCR, FAIL-1..4).</summary>
public static class MdtOutcomes
{
    public const string Resect = "resect";
    public const string WatchAndWait = "watch-and-wait";
    public const string ContinueConversion = "continue-conversion";
    public const string SecondLine = "second-line";

    public static IReadOnlyList<string> All { get; } = [Resect, WatchAndWait, ContinueConversion, SecondLine];
}

/// <summary>
/// A multidisciplinary team decision, recorded by a clinician with its rationale and attendees. When the outcome is
/// <see cref="MdtOutcomes.Resect"/>, <see cref="IntendedSurgeryOn"/> is the date aimed for and scheduling plans the
/// washout (SURG-WASH) against it.
/// </summary>
public sealed record MdtDecisionRecorded(
    Guid PathwayId,
    Guid DecisionId,
    string Outcome,
    string Rationale,
    IReadOnlyList<string> Attendees,
    DateOnly DecidedOn,
    DateOnly? IntendedSurgeryOn,
    string? SuggestedRuleId,
    bool FollowedSuggestion,
    string DecidedBy,
    DateTimeOffset RecordedAt);
