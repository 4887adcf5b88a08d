using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>A volume in mL (liver volumes).</summary>
public readonly record struct VolumeMl
{
    private VolumeMl(decimal value) => Millilitres = value;

    public decimal Millilitres { get; }

    public static VolumeMl FromMillilitres(decimal value) => new(value);

    public override string ToString() => Millilitres.ToString("0.####", CultureInfo.InvariantCulture) + " mL";
}
