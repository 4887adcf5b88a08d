namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-CP ascites factor: none = 1 point, slight = 2, moderate to severe = 3.</summary>
public enum Ascites
{
    None,
    Slight,
    ModerateToSevere,
}
