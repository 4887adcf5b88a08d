namespace HccPathway.Clinical.Response;

/// <summary>RESP-AE: one CTCAE v5 grading of an adverse event (0 = normal / resolved, 1 mild … 5 death).</summary>
public sealed record AdverseEventGrading(DateOnly Date, int Grade, string? EvidenceEventId = null);
