namespace HccPathway.Clinical.Regimen;

/// <summary>One row of "what is due on date D". The hold is set when <see cref="Status"/> is Held.</summary>
public sealed record DueItem(ScheduledItem Item, DueStatus Status, DateOnly? ActualDate, TreatmentHold? Hold);
