namespace HccPathway.Clinical.Regimen;

/// <summary>
/// SCHED-HOLD: a drug is held from <see cref="From"/> until (not including) <see cref="Until"/>; an open hold has no end.
/// </summary>
public sealed record TreatmentHold(
    RegimenComponent Component,
    DateOnly From,
    DateOnly? Until,
    string Reason,
    string? AdverseEventId = null)
{
    public bool IsActiveOn(DateOnly date) => date >= From && (Until is null || date < Until.Value);
}
