namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-ALBI result. The score keeps full double precision; round only for display.</summary>
public sealed record AlbiResult(double Score, AlbiGrade Grade);
