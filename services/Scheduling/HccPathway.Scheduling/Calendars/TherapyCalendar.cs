using HccPathway.Scheduling.TherapyPlans;

namespace HccPathway.Scheduling.Calendars;

/// <summary>One patient's therapy as Scheduling knows it: the folded plan and the stream version it reflects.</summary>
public sealed class TherapyCalendar
{
    public Guid Id { get; set; }

    public long Version { get; set; }

    public TherapyPlan Plan { get; set; } = new();
}
