using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Total bilirubin, stored in µmol/L (the unit of SCORE-CP and SCORE-ALBI). Build it from the unit the laboratory reported.</summary>
public readonly record struct Bilirubin
{
    private Bilirubin(decimal value) => MicromolesPerLitre = value;

    public decimal MicromolesPerLitre { get; }

    public static Bilirubin FromMicromolesPerLitre(decimal value) => new(value);

    /// <summary>17.1 µmol/L = 1 mg/dL (bilirubin molar mass 584.7 g/mol).</summary>
    public const decimal MicromolesPerLitrePerMilligramPerDecilitre = 17.1m;

    public static Bilirubin FromMilligramsPerDecilitre(decimal value) => new(value * MicromolesPerLitrePerMilligramPerDecilitre);

    public decimal MilligramsPerDecilitre => MicromolesPerLitre / MicromolesPerLitrePerMilligramPerDecilitre;

    public override string ToString() => MicromolesPerLitre.ToString("0.####", CultureInfo.InvariantCulture) + " µmol/L";
}
