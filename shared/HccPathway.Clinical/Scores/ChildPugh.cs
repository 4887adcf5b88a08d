using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-CP: Child–Pugh score (Pugh 1973; standard tables).</summary>
public static class ChildPugh
{
    // SCORE-CP: bilirubin <34 / 34–51 / >51 µmol/L (2 / 3 mg/dL converted at 17.1).
    public const decimal BilirubinTwoPointsFromMicromolesPerLitre = 34m;
    public const decimal BilirubinTwoPointsUpToMicromolesPerLitre = 51m;

    // SCORE-CP: albumin >35 scores 1; the lower boundary (28 vs 30 g/L) comes from the rule set.
    public const decimal AlbuminOnePointAboveGramsPerLitre = 35m;

    // SCORE-CP: INR <1.7 / 1.7–2.3 / >2.3.
    public const decimal InrTwoPointsFrom = 1.7m;
    public const decimal InrTwoPointsUpTo = 2.3m;

    public static Validated<ChildPughScore> Score(ChildPughInputs inputs, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        Validate(e, inputs);
        return e.Result(() => Compute(inputs, ruleSet));
    }

    internal static void Validate(ErrorCollector e, ChildPughInputs inputs)
    {
        e.Check(inputs.Bilirubin);
        e.Check(inputs.Albumin);
        e.Check(inputs.Inr);
        e.CheckEnum(inputs.Ascites, "ascites");
        e.InRange(inputs.EncephalopathyGrade, PlausibleRanges.EncephalopathyGrade, "encephalopathyGrade");
    }

    /// <summary>Scores already-validated inputs.</summary>
    internal static ChildPughScore Compute(ChildPughInputs inputs, ClinicalRuleSet ruleSet)
    {
        var bilirubin = BilirubinPoints(inputs.Bilirubin.MicromolesPerLitre);
        var albumin = AlbuminPoints(inputs.Albumin.GramsPerLitre, ruleSet.ChildPughAlbuminLowerBoundaryGramsPerLitre);
        var inr = InrPoints(inputs.Inr.Ratio);
        var ascites = AscitesPoints(inputs.Ascites);
        var encephalopathy = EncephalopathyPoints(inputs.EncephalopathyGrade);
        var total = bilirubin + albumin + inr + ascites + encephalopathy;
        return new ChildPughScore(bilirubin, albumin, inr, ascites, encephalopathy, total, ClassOf(total), ruleSet.Version);
    }

    public static int BilirubinPoints(decimal micromolesPerLitre) => micromolesPerLitre switch
    {
        < BilirubinTwoPointsFromMicromolesPerLitre => 1,
        <= BilirubinTwoPointsUpToMicromolesPerLitre => 2,
        _ => 3,
    };

    // SCORE-CP: albumin boundary is configurable (28 vs 30 g/L); values on a boundary take the middle band.
    public static int AlbuminPoints(decimal gramsPerLitre, decimal lowerBoundary) =>
        gramsPerLitre > AlbuminOnePointAboveGramsPerLitre ? 1
        : gramsPerLitre >= lowerBoundary ? 2
        : 3;

    public static int InrPoints(decimal inr) => inr switch
    {
        < InrTwoPointsFrom => 1,
        <= InrTwoPointsUpTo => 2,
        _ => 3,
    };

    public static int AscitesPoints(Ascites ascites) => ascites switch
    {
        Ascites.None => 1,
        Ascites.Slight => 2,
        _ => 3,
    };

    // SCORE-CP: encephalopathy none / grade 1–2 / grade 3–4.
    public static int EncephalopathyPoints(int grade) => grade switch
    {
        <= 0 => 1,
        <= 2 => 2,
        _ => 3,
    };

    public static ChildPughClass ClassOf(int total) => total switch
    {
        <= 6 => ChildPughClass.A,
        <= 9 => ChildPughClass.B,
        _ => ChildPughClass.C,
    };
}
