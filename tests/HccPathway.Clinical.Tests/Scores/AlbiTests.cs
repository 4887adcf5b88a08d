using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Scores;

public class AlbiTests
{
    [Fact]
    public void SCORE_ALBI_worked_example_grade_1()
    {
        // 0.66 × log10(10) − 0.085 × 40 = 0.66 − 3.40 = −2.74 → grade 1 (≤ −2.60).
        var result = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(10m), Albumin.FromGramsPerLitre(40m)).Value;
        Assert.Equal(-2.74, result.Score, 12);
        Assert.Equal(AlbiGrade.Grade1, result.Grade);
    }

    [Fact]
    public void SCORE_ALBI_worked_example_grade_2()
    {
        // 0.66 × log10(100) − 0.085 × 35 = 1.32 − 2.975 = −1.655 → grade 2 (−2.60 < −1.655 ≤ −1.39).
        var result = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(100m), Albumin.FromGramsPerLitre(35m)).Value;
        Assert.Equal(-1.655, result.Score, 12);
        Assert.Equal(AlbiGrade.Grade2, result.Grade);
    }

    [Fact]
    public void SCORE_ALBI_worked_example_grade_3()
    {
        // 0.66 × log10(100) − 0.085 × 30 = 1.32 − 2.55 = −1.23 → grade 3 (> −1.39).
        var result = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(100m), Albumin.FromGramsPerLitre(30m)).Value;
        Assert.Equal(-1.23, result.Score, 12);
        Assert.Equal(AlbiGrade.Grade3, result.Grade);
    }

    [Fact]
    public void SCORE_ALBI_keeps_full_precision()
    {
        // 0.66 × log10(17) − 0.085 × 38 = 0.66 × 1.2304489213782739 − 3.23 = −2.4179037118903392.
        var result = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(17m), Albumin.FromGramsPerLitre(38m)).Value;
        Assert.Equal(0.66 * Math.Log10(17) - 0.085 * 38, result.Score);
        Assert.Equal(AlbiGrade.Grade2, result.Grade);
    }

    [Theory]
    [InlineData(-2.61, AlbiGrade.Grade1)]
    [InlineData(-2.60, AlbiGrade.Grade1)]
    [InlineData(-2.59, AlbiGrade.Grade2)]
    [InlineData(-1.40, AlbiGrade.Grade2)]
    [InlineData(-1.39, AlbiGrade.Grade2)]
    [InlineData(-1.38, AlbiGrade.Grade3)]
    public void SCORE_ALBI_grade_cut_offs_minus_2_60_and_minus_1_39(double score, AlbiGrade grade) =>
        Assert.Equal(grade, Albi.GradeOf(score));

    [Fact]
    public void SCORE_ALBI_bilirubin_in_mg_per_dl_gives_the_same_score_as_in_micromol()
    {
        var fromMg = Albi.Calculate(Bilirubin.FromMilligramsPerDecilitre(1m), Albumin.FromGramsPerDecilitre(4m)).Value;
        var fromSi = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(17.1m), Albumin.FromGramsPerLitre(40m)).Value;
        Assert.Equal(fromSi.Score, fromMg.Score);
    }

    [Theory]
    [InlineData(0, 40, "bilirubinMicromolesPerLitre")]
    [InlineData(-5, 40, "bilirubinMicromolesPerLitre")]
    [InlineData(15, 0, "albuminGramsPerLitre")]
    [InlineData(15, 120, "albuminGramsPerLitre")]
    public void SCORE_ALBI_rejects_implausible_inputs(decimal bilirubin, decimal albumin, string field)
    {
        var result = Albi.Calculate(Bilirubin.FromMicromolesPerLitre(bilirubin), Albumin.FromGramsPerLitre(albumin));
        Assert.Equal(field, Assert.Single(result.Errors).Field);
    }
}
