namespace HccPathway.Scheduling;

/// <summary>Marks the Scheduling service's assembly (for hosting it in tests beside other services).</summary>
public sealed class SchedulingApi;
