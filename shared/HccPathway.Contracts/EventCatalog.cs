namespace HccPathway.Contracts;

/// <summary>
/// Every event type that may appear in a pathway stream, with its stable stored name and its owning service.
/// The stored name never changes; a new shape gets a new type and a new name (…-v2), and the old one is upcast.
/// Each owner lists its events in its own folder (<c>Intake/IntakeEvents.cs</c>, …).
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        .. Intake.IntakeEvents.All,
        .. Scheduling.SchedulingEvents.All,
        .. Assessment.AssessmentEvents.All,
        .. SurgeryPlanning.SurgeryPlanningEvents.All,
    ];

    public static IEnumerable<EventContract> OwnedBy(string owner) => All.Where(e => e.Owner == owner);

    public static EventContract? Find(Type type) => All.FirstOrDefault(e => e.Type == type);
}

public sealed record EventContract(Type Type, string Name, string Owner);

public static class Owners
{
    public const string Intake = "intake";
    public const string Scheduling = "scheduling";
    public const string Assessment = "assessment";
    public const string SurgeryPlanning = "surgery-planning";
}
