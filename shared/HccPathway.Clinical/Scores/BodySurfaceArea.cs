using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-BSA: body surface area in m².</summary>
public static class BodySurfaceArea
{
    /// <summary>Mosteller 1987: √(height cm × weight kg / 3600).</summary>
    public static Validated<double> Mosteller(HeightCm height, WeightKg weight)
    {
        var e = new ErrorCollector();
        e.Check(height);
        e.Check(weight);
        return e.Result(() => ComputeMosteller(height, weight));
    }

    internal static double ComputeMosteller(HeightCm height, WeightKg weight) =>
        Math.Sqrt((double)height.Centimetres * (double)weight.Kilograms / 3600.0);
}
