using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-ALBI: albumin–bilirubin score (Johnson et al., J Clin Oncol 2015;33:550).</summary>
public static class Albi
{
    public const double BilirubinCoefficient = 0.66;
    public const double AlbuminCoefficient = -0.085;

    // SCORE-ALBI: grade 1 ≤ −2.60 < grade 2 ≤ −1.39 < grade 3 (published limits, not configurable).
    public const double Grade1UpperLimit = -2.60;
    public const double Grade2UpperLimit = -1.39;

    public static Validated<AlbiResult> Calculate(Bilirubin bilirubin, Albumin albumin)
    {
        var e = new ErrorCollector();
        e.Check(bilirubin);
        e.Check(albumin);
        return e.Result(() => Compute(bilirubin, albumin));
    }

    internal static AlbiResult Compute(Bilirubin bilirubin, Albumin albumin)
    {
        // The formula is defined on µmol/L and g/L; the unit types guarantee that is what we have.
        var score = BilirubinCoefficient * Math.Log10((double)bilirubin.MicromolesPerLitre)
                    + AlbuminCoefficient * (double)albumin.GramsPerLitre;
        return new AlbiResult(score, GradeOf(score));
    }

    public static AlbiGrade GradeOf(double score) =>
        score <= Grade1UpperLimit ? AlbiGrade.Grade1
        : score <= Grade2UpperLimit ? AlbiGrade.Grade2
        : AlbiGrade.Grade3;
}
