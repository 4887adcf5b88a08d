using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>A diameter or distance in mm (tumours, lesions, margins).</summary>
public readonly record struct LengthMm
{
    private LengthMm(decimal value) => Millimetres = value;

    public decimal Millimetres { get; }

    public static LengthMm FromMillimetres(decimal value) => new(value);

    public static LengthMm FromCentimetres(decimal value) => new(value * 10m);

    public decimal Centimetres => Millimetres / 10m;

    public override string ToString() => Millimetres.ToString("0.####", CultureInfo.InvariantCulture) + " mm";
}
