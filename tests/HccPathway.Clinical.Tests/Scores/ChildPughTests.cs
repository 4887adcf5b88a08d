using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Scores;

public class ChildPughTests
{
    private static ChildPughInputs Normal() => new(
        Bilirubin.FromMicromolesPerLitre(15m),
        Albumin.FromGramsPerLitre(40m),
        Inr.FromRatio(1.0m),
        Ascites.None,
        0);

    private static ChildPughScore Score(ChildPughInputs inputs, ClinicalRuleSet? rules = null) =>
        ChildPugh.Score(inputs, rules ?? ClinicalRuleSet.Default).Value;

    [Theory]
    [InlineData(33.9, 1)]
    [InlineData(34.0, 2)]
    [InlineData(34.1, 2)]
    [InlineData(50.9, 2)]
    [InlineData(51.0, 2)]
    [InlineData(51.1, 3)]
    public void SCORE_CP_bilirubin_points_around_34_and_51(decimal micromolesPerLitre, int points) =>
        Assert.Equal(points, Score(Normal() with { Bilirubin = Bilirubin.FromMicromolesPerLitre(micromolesPerLitre) }).BilirubinPoints);

    [Fact]
    public void SCORE_CP_bilirubin_exactly_34_scores_2_points() =>
        Assert.Equal(2, ChildPugh.BilirubinPoints(34m));

    [Fact]
    public void SCORE_CP_bilirubin_in_mg_per_dl_is_converted_before_scoring()
    {
        // 2.0 mg/dL × 17.1 = 34.2 µmol/L → 2 points; 3.0 mg/dL = 51.3 µmol/L → 3 points.
        Assert.Equal(2, Score(Normal() with { Bilirubin = Bilirubin.FromMilligramsPerDecilitre(2.0m) }).BilirubinPoints);
        Assert.Equal(3, Score(Normal() with { Bilirubin = Bilirubin.FromMilligramsPerDecilitre(3.0m) }).BilirubinPoints);
    }

    [Theory]
    [InlineData(35.1, 1)]
    [InlineData(35.0, 2)]
    [InlineData(34.9, 2)]
    [InlineData(28.1, 2)]
    [InlineData(28.0, 2)]
    [InlineData(27.9, 3)]
    public void SCORE_CP_albumin_points_with_default_boundary_28(decimal gramsPerLitre, int points) =>
        Assert.Equal(points, Score(Normal() with { Albumin = Albumin.FromGramsPerLitre(gramsPerLitre) }).AlbuminPoints);

    [Theory]
    [InlineData(30.1, 2)]
    [InlineData(30.0, 2)]
    [InlineData(29.9, 3)]
    [InlineData(28.0, 3)]
    public void SCORE_CP_albumin_boundary_is_configurable_to_30(decimal gramsPerLitre, int points)
    {
        var rules = ClinicalRuleSet.Default with { ChildPughAlbuminLowerBoundaryGramsPerLitre = 30m, Version = "test-30" };
        var score = Score(Normal() with { Albumin = Albumin.FromGramsPerLitre(gramsPerLitre) }, rules);
        Assert.Equal(points, score.AlbuminPoints);
        Assert.Equal("test-30", score.RuleSetVersion);
    }

    [Fact]
    public void SCORE_CP_albumin_in_g_per_dl_is_converted_before_scoring() =>
        // 2.9 g/dL = 29 g/L → 2 points with the default boundary 28.
        Assert.Equal(2, Score(Normal() with { Albumin = Albumin.FromGramsPerDecilitre(2.9m) }).AlbuminPoints);

    [Theory]
    [InlineData(1.69, 1)]
    [InlineData(1.70, 2)]
    [InlineData(1.71, 2)]
    [InlineData(2.29, 2)]
    [InlineData(2.30, 2)]
    [InlineData(2.31, 3)]
    public void SCORE_CP_inr_points_around_1_7_and_2_3(decimal inr, int points) =>
        Assert.Equal(points, Score(Normal() with { Inr = Inr.FromRatio(inr) }).InrPoints);

    [Theory]
    [InlineData(Ascites.None, 1)]
    [InlineData(Ascites.Slight, 2)]
    [InlineData(Ascites.ModerateToSevere, 3)]
    public void SCORE_CP_ascites_points(Ascites ascites, int points) =>
        Assert.Equal(points, Score(Normal() with { Ascites = ascites }).AscitesPoints);

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(2, 2)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    public void SCORE_CP_encephalopathy_points(int grade, int points) =>
        Assert.Equal(points, Score(Normal() with { EncephalopathyGrade = grade }).EncephalopathyPoints);

    [Theory]
    [InlineData(5, ChildPughClass.A)]
    [InlineData(6, ChildPughClass.A)]
    [InlineData(7, ChildPughClass.B)]
    [InlineData(9, ChildPughClass.B)]
    [InlineData(10, ChildPughClass.C)]
    [InlineData(15, ChildPughClass.C)]
    public void SCORE_CP_class_boundaries_6_7_and_9_10(int total, ChildPughClass expected) =>
        Assert.Equal(expected, ChildPugh.ClassOf(total));

    [Fact]
    public void SCORE_CP_worked_example_class_B_8_points()
    {
        // Bilirubin 40 µmol/L (34–51 → 2), albumin 30 g/L (28–35 → 2), INR 1.5 (<1.7 → 1),
        // slight ascites (2), no encephalopathy (1): 2 + 2 + 1 + 2 + 1 = 8 → class B.
        var score = Score(new ChildPughInputs(
            Bilirubin.FromMicromolesPerLitre(40m), Albumin.FromGramsPerLitre(30m), Inr.FromRatio(1.5m), Ascites.Slight, 0));
        Assert.Equal((2, 2, 1, 2, 1), (score.BilirubinPoints, score.AlbuminPoints, score.InrPoints, score.AscitesPoints, score.EncephalopathyPoints));
        Assert.Equal(8, score.Total);
        Assert.Equal(ChildPughClass.B, score.Class);
        Assert.Equal(ClinicalRuleSet.Default.Version, score.RuleSetVersion);
    }

    [Fact]
    public void SCORE_CP_worked_example_minimum_5_and_maximum_15()
    {
        Assert.Equal(5, Score(Normal()).Total);
        var worst = Score(new ChildPughInputs(
            Bilirubin.FromMicromolesPerLitre(120m), Albumin.FromGramsPerLitre(22m), Inr.FromRatio(2.8m), Ascites.ModerateToSevere, 3));
        Assert.Equal(15, worst.Total);
        Assert.Equal(ChildPughClass.C, worst.Class);
    }

    [Theory]
    [InlineData(0, 40, 1.0, "bilirubinMicromolesPerLitre")]
    [InlineData(15, 0, 1.0, "albuminGramsPerLitre")]
    [InlineData(15, 120, 1.0, "albuminGramsPerLitre")]
    [InlineData(15, 40, 0, "inr")]
    [InlineData(15, 40, -1.2, "inr")]
    public void SCORE_CP_rejects_implausible_labs_naming_the_field(decimal bilirubin, decimal albumin, decimal inr, string field)
    {
        var result = ChildPugh.Score(
            new ChildPughInputs(Bilirubin.FromMicromolesPerLitre(bilirubin), Albumin.FromGramsPerLitre(albumin), Inr.FromRatio(inr), Ascites.None, 0),
            ClinicalRuleSet.Default);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.NotEmpty(error.AllowedRange);
    }

    [Fact]
    public void SCORE_CP_albumin_given_in_g_per_dl_as_if_g_per_l_is_rejected()
    {
        // 3.5 typed where g/L is expected: implausible, rejected rather than scored as severe hypoalbuminaemia.
        var result = ChildPugh.Score(Normal() with { Albumin = Albumin.FromGramsPerLitre(3.5m) }, ClinicalRuleSet.Default);
        Assert.Equal("albuminGramsPerLitre", Assert.Single(result.Errors).Field);
        Assert.Equal("10–70 g/L", result.Errors[0].AllowedRange);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void SCORE_CP_rejects_encephalopathy_grade_outside_0_to_4(int grade) =>
        Assert.Equal("encephalopathyGrade",
            Assert.Single(ChildPugh.Score(Normal() with { EncephalopathyGrade = grade }, ClinicalRuleSet.Default).Errors).Field);

    [Fact]
    public void SCORE_CP_reports_every_invalid_field_at_once()
    {
        var result = ChildPugh.Score(
            new ChildPughInputs(Bilirubin.FromMicromolesPerLitre(0m), Albumin.FromGramsPerLitre(0m), Inr.FromRatio(0m), (Ascites)9, 7),
            ClinicalRuleSet.Default);
        Assert.Equal(5, result.Errors.Count);
    }
}
