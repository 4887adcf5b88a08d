namespace HccPathway.Contracts;

/// <summary>
/// Every event type that may appear in a pathway stream, with its stable stored name and its owning service.
/// The stored name never changes; a new shape gets a new type and a new name (…-v2), and the old one is upcast.
/// </summary>
public static class EventCatalog
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(Intake.PatientRegistered), "intake.patient-registered.v1", Owners.Intake),
        new(typeof(Intake.BaselineAssessed), "intake.baseline-assessed.v1", Owners.Intake),
        new(typeof(Intake.EligibilityDecided), "intake.eligibility-decided.v1", Owners.Intake),
        new(typeof(Intake.PatientEnrolled), "intake.patient-enrolled.v1", Owners.Intake),
        new(typeof(Intake.EnrolmentDeclined), "intake.enrolment-declined.v1", Owners.Intake),
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
