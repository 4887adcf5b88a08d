using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-TBS: tumour burden score (Sasaki et al. 2018) = √(largest diameter in cm² + number of tumours²).</summary>
public static class TumourBurden
{
    public static Validated<double> Score(int tumourCount, LengthMm largestDiameter)
    {
        var e = new ErrorCollector();
        e.InRange(tumourCount, PlausibleRanges.TumourCount, "tumourCount");
        e.InRange(largestDiameter.Millimetres, PlausibleRanges.TumourDiameterMillimetres, "largestTumourMillimetres");
        return e.Result(() => Compute(tumourCount, largestDiameter));
    }

    internal static double Compute(int tumourCount, LengthMm largestDiameter)
    {
        // SCORE-TBS: the formula is in centimetres, the record in millimetres.
        var centimetres = (double)largestDiameter.Centimetres;
        return Math.Sqrt(centimetres * centimetres + (double)tumourCount * tumourCount);
    }
}
