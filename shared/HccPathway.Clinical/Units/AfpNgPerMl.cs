using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>Alpha-fetoprotein, stored in ng/mL.</summary>
public readonly record struct AfpNgPerMl
{
    private AfpNgPerMl(decimal value) => NanogramsPerMillilitre = value;

    public decimal NanogramsPerMillilitre { get; }

    public static AfpNgPerMl FromNanogramsPerMillilitre(decimal value) => new(value);

    /// <summary>WHO standard 72/225: 1 IU/mL = 1.21 ng/mL.</summary>
    public const decimal NanogramsPerInternationalUnit = 1.21m;

    public static AfpNgPerMl FromInternationalUnitsPerMillilitre(decimal value) => new(value * NanogramsPerInternationalUnit);

    public override string ToString() => NanogramsPerMillilitre.ToString("0.####", CultureInfo.InvariantCulture) + " ng/mL";
}
