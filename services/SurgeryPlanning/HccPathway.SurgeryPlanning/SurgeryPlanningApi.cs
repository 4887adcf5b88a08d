namespace HccPathway.SurgeryPlanning;

/// <summary>Marks the surgery-planning service's assembly (for hosting it in tests beside other services).</summary>
public sealed class SurgeryPlanningApi;
