namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-CP result: the points of each factor, the total (5–15) and the class.</summary>
public sealed record ChildPughScore(
    int BilirubinPoints,
    int AlbuminPoints,
    int InrPoints,
    int AscitesPoints,
    int EncephalopathyPoints,
    int Total,
    ChildPughClass Class,
    string RuleSetVersion);
