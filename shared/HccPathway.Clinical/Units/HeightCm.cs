using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Body height in cm (SCORE-BSA).</summary>
public readonly record struct HeightCm
{
    private HeightCm(decimal value) => Centimetres = value;

    public decimal Centimetres { get; }

    public static HeightCm FromCentimetres(decimal value) => new(value);

    public static HeightCm FromMetres(decimal value) => new(value * 100m);

    public override string ToString() => Centimetres.ToString("0.####", CultureInfo.InvariantCulture) + " cm";
}
