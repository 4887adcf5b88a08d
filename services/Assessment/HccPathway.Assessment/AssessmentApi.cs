namespace HccPathway.Assessment;

/// <summary>Marks the Assessment service's assembly (for hosting it in tests beside other services).</summary>
public sealed class AssessmentApi;
