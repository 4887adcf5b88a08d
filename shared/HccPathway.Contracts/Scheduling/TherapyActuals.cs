namespace HccPathway.Contracts.Scheduling;

/// <summary>Lenvatinib was actually started (item <c>LEN-1</c>, or <c>ADJ-LEN-1</c> after surgery). Daily intake continues until <see cref="LenvatinibStopped"/>.</summary>
/// <param name="DoseReason">Required when <see cref="DailyDoseMg"/> differs from <see cref="PlannedDailyDoseMg"/>.</param>
public sealed record LenvatinibStarted(
    Guid PathwayId,
    string ItemId,
    DateOnly StartedOn,
    DateOnly PlannedOn,
    decimal DailyDoseMg,
    decimal PlannedDailyDoseMg,
    string? DoseReason,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// Lenvatinib was stopped; <see cref="LastDoseOn"/> is the last day a dose was taken (SURG-WASH counts from it).
/// <see cref="StopItemId"/> names the planned stop (<c>LEN-STOP-n</c>) this completes, if one was planned.
/// </summary>
public sealed record LenvatinibStopped(
    Guid PathwayId,
    string? StopItemId,
    DateOnly LastDoseOn,
    decimal LastDailyDoseMg,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>
/// The lenvatinib daily dose changed from <see cref="EffectiveOn"/> (SCHED-HOLD: reductions follow the rule set's dose
/// levels, 12 → 8 → 4 mg by default). <see cref="AdverseEventId"/> names the AE that prompted it, if any.
/// </summary>
public sealed record LenvatinibDoseChanged(
    Guid PathwayId,
    decimal PreviousDailyDoseMg,
    decimal DailyDoseMg,
    DateOnly EffectiveOn,
    string Reason,
    Guid? AdverseEventId,
    string RuleId,
    string RuleSetVersion,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A TACE session was performed (SCHED-TACE); later camrelizumab doses cascade from <see cref="PerformedOn"/>.</summary>
public sealed record TacePerformed(
    Guid PathwayId,
    string ItemId,
    int SessionNumber,
    DateOnly PerformedOn,
    DateOnly PlannedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A camrelizumab dose was given (SCHED-CAM, or SURG-ADJ). Later doses cascade from <see cref="AdministeredOn"/>.</summary>
/// <param name="DoseReason">Required when <see cref="DoseMg"/> differs from <see cref="PlannedDoseMg"/>.</param>
public sealed record CamrelizumabAdministered(
    Guid PathwayId,
    string ItemId,
    int DoseNumber,
    DateOnly AdministeredOn,
    DateOnly PlannedOn,
    decimal DoseMg,
    decimal PlannedDoseMg,
    string? DoseReason,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>A planned item did not happen on its due date, with the reason. It stays outstanding until delayed or cancelled.</summary>
public sealed record TherapyItemMissed(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly DueOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt);

/// <summary>The coordinator delayed an outstanding item, with the reason. The moves (this item and the cascade) follow as <see cref="TherapyItemRescheduled"/>.</summary>
public sealed record TherapyItemDelayed(
    Guid PathwayId,
    string ItemId,
    string ItemType,
    string Drug,
    DateOnly PreviousDueOn,
    DateOnly DueOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt);
