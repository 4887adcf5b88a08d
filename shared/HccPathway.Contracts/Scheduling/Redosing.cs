namespace HccPathway.Contracts.Scheduling;

/// <summary>
/// SCHED-LEN: the dose of an outstanding lenvatinib item changed because the patient's baseline weight was corrected
/// (Intake's <c>BaselineCorrected</c>): <see cref="DoseMg"/> is the dose for <see cref="WeightKg"/> and replaces
/// <see cref="PreviousDoseMg"/>; the item keeps its date. <see cref="CausedBy"/> is the correction's <c>CorrectionId</c>.
/// A scheduling system changes the booking's dose; a dose a clinician already changed is left alone.
/// </summary>
public sealed record TherapyItemRedosed(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly DueOn,
    decimal PreviousDoseMg,
    decimal DoseMg,
    decimal WeightKg,
    Guid CausedBy,
    string RuleId,
    string RuleSetVersion,
    DateTimeOffset RedosedAt);
