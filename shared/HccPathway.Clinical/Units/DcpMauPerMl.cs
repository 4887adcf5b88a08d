using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Des-gamma-carboxy prothrombin (PIVKA-II), stored in mAU/mL.</summary>
public readonly record struct DcpMauPerMl
{
    private DcpMauPerMl(decimal value) => MilliArbitraryUnitsPerMillilitre = value;

    public decimal MilliArbitraryUnitsPerMillilitre { get; }

    public static DcpMauPerMl FromMilliArbitraryUnitsPerMillilitre(decimal value) => new(value);

    public override string ToString() => MilliArbitraryUnitsPerMillilitre.ToString("0.####", CultureInfo.InvariantCulture) + " mAU/mL";
}
