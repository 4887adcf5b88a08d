namespace HccPathway.Clinical.Regimen;

/// <summary>
/// One planned step: <c>LEN-1</c> (lenvatinib start), <c>TACE-1</c>, <c>CAM-1</c> … <c>CAM-n</c>.
/// <see cref="RuleId"/> names the SCHED rule that placed it.
/// </summary>
public sealed record ScheduledItem(
    string ItemId,
    RegimenComponent Component,
    int Sequence,
    DateOnly PlannedDate,
    decimal? DoseMilligrams,
    string Route,
    string RuleId);
