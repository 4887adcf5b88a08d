using HccPathway.Clinical.Units;
using HccPathway.Contracts.Assessment;

namespace HccPathway.Assessment.Pathways.Markers;

/// <summary>The units laboratories report tumour markers in, and their conversion to the canonical unit.</summary>
internal static class MarkerUnits
{
    private static readonly Dictionary<string, Func<decimal, decimal>> Afp = new(StringComparer.Ordinal)
    {
        [TumourMarkers.AfpUnit] = v => v,
        ["µg/L"] = v => v,
        ["ug/L"] = v => v,
        ["IU/mL"] = v => AfpNgPerMl.FromInternationalUnitsPerMillilitre(v).NanogramsPerMillilitre,
    };

    private static readonly Dictionary<string, Func<decimal, decimal>> Dcp = new(StringComparer.Ordinal)
    {
        [TumourMarkers.DcpUnit] = v => v,
        ["AU/L"] = v => v,
    };

    public static IReadOnlyCollection<string> Accepted(string marker) => (marker == TumourMarkers.Afp ? Afp : Dcp).Keys;

    public static bool TryConvert(string marker, decimal value, string unit, out decimal canonical)
    {
        canonical = 0m;
        if (!(marker == TumourMarkers.Afp ? Afp : Dcp).TryGetValue(unit, out var convert))
        {
            return false;
        }

        canonical = convert(value);
        return true;
    }

    public static string CanonicalUnit(string marker) => marker == TumourMarkers.Afp ? TumourMarkers.AfpUnit : TumourMarkers.DcpUnit;
}
