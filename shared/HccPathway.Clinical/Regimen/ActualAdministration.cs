namespace HccPathway.Clinical.Regimen;

/// <summary>What actually happened to a planned item, and the event that recorded it.</summary>
public sealed record ActualAdministration(string ItemId, DateOnly Date, string? EvidenceEventId = null);
