namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-ALBI grade. The numeric values are the published grade numbers.</summary>
public enum AlbiGrade
{
    Grade1 = 1,
    Grade2 = 2,
    Grade3 = 3,
}
