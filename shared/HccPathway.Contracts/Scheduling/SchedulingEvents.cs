namespace HccPathway.Contracts.Scheduling;

public static class SchedulingEvents
{
    public static IReadOnlyList<EventContract> All { get; } = [];
}
