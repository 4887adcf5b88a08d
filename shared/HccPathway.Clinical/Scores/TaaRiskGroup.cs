namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-TAA group: low ≤1 point, medium 2–3, high 4.</summary>
public enum TaaRiskGroup
{
    Low,
    Medium,
    High,
}
