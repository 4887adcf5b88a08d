using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Serum albumin, stored in g/L (the unit of SCORE-CP and SCORE-ALBI).</summary>
public readonly record struct Albumin
{
    private Albumin(decimal value) => GramsPerLitre = value;

    public decimal GramsPerLitre { get; }

    public static Albumin FromGramsPerLitre(decimal value) => new(value);

    public static Albumin FromGramsPerDecilitre(decimal value) => new(value * 10m);

    public decimal GramsPerDecilitre => GramsPerLitre / 10m;

    public override string ToString() => GramsPerLitre.ToString("0.####", CultureInfo.InvariantCulture) + " g/L";
}
