namespace HccPathway.Coordinator.Api;

/// <summary>The services the coordinator app calls, by their AppHost resource names (service discovery resolves them).</summary>
public static class PathwayServices
{
    public const string Intake = "intake";
    public const string Scheduling = "scheduling";
    public const string Assessment = "assessment";
    public const string SurgeryPlanning = "surgery-planning";
    public const string Audit = "audit";

    public static IReadOnlyList<string> All { get; } = [Intake, Scheduling, Assessment, SurgeryPlanning, Audit];
}
