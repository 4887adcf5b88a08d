using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>International normalised ratio (dimensionless).</summary>
public readonly record struct Inr
{
    private Inr(decimal value) => Ratio = value;

    public decimal Ratio { get; }

    public static Inr FromRatio(decimal value) => new(value);

    public override string ToString() => Ratio.ToString("0.####", CultureInfo.InvariantCulture);
}
