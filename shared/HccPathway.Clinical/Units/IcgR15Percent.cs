using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Indocyanine green retention at 15 minutes, in percent.</summary>
public readonly record struct IcgR15Percent
{
    private IcgR15Percent(decimal value) => Percent = value;

    public decimal Percent { get; }

    public static IcgR15Percent FromPercent(decimal value) => new(value);

    public override string ToString() => Percent.ToString("0.####", CultureInfo.InvariantCulture) + " %";
}
