namespace HccPathway.Contracts.SurgeryPlanning;

/// <summary>
/// Adjuvant therapy after conversion resection (SURG-ADJ): drugs from <see cref="Drugs"/>, starting on
/// <see cref="StartOn"/> (default one month after surgery) for <see cref="DurationMonths"/> (6–12). Scheduling plans it.
/// </summary>
public sealed record AdjuvantTherapyDecided(
    Guid PathwayId,
    DateOnly SurgeryOn,
    DateOnly StartOn,
    int DurationMonths,
    IReadOnlyList<string> Drugs,
    string Rationale,
    string RuleSetVersion,
    string DecidedBy,
    DateTimeOffset RecordedAt);
