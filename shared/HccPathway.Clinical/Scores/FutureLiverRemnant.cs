using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-FLR: future liver remnant volume divided by standard liver volume (a fraction; 0.40 = 40%).</summary>
public static class FutureLiverRemnant
{
    public static Validated<double> Ratio(VolumeMl futureLiverRemnant, double standardLiverVolumeMillilitres)
    {
        var e = new ErrorCollector();
        e.Check(futureLiverRemnant);
        e.Require(double.IsFinite(standardLiverVolumeMillilitres) && standardLiverVolumeMillilitres > 0.0,
            "standardLiverVolumeMillilitres", "Standard liver volume must be a plausible positive volume.", "> 0 mL");
        return e.Result(() => (double)futureLiverRemnant.Millilitres / standardLiverVolumeMillilitres);
    }
}
