namespace HccPathway.Intake;

/// <summary>Marks the Intake service's assembly (for hosting it in tests beside other services).</summary>
public sealed class IntakeApi;
