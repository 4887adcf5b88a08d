using System.Globalization;

namespace HccPathway.Clinical.Units;

/// <summary>AST or ALT activity in U/L.</summary>
public readonly record struct AminotransferaseUnitsPerLitre
{
    private AminotransferaseUnitsPerLitre(decimal value) => UnitsPerLitre = value;

    public decimal UnitsPerLitre { get; }

    public static AminotransferaseUnitsPerLitre FromUnitsPerLitre(decimal value) => new(value);

    public override string ToString() => UnitsPerLitre.ToString("0.####", CultureInfo.InvariantCulture) + " U/L";
}
