namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-CP class: A = 5–6 points, B = 7–9, C = 10–15.</summary>
public enum ChildPughClass
{
    A,
    B,
    C,
}
