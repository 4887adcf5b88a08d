using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-SLV: standard liver volume in mL from BSA in m².</summary>
public static class StandardLiverVolume
{
    /// <summary>BSA range the regressions are used on; Vauthey turns negative below about 0.63 m².</summary>
    public static readonly PlausibleRange BodySurfaceAreaSquareMetres = new(0.8m, 3.5m, "m²");

    /// <summary>Uses the formula the rule set names (Vauthey by default).</summary>
    public static Validated<double> Calculate(double bodySurfaceAreaSquareMetres, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        if (!(bodySurfaceAreaSquareMetres >= (double)BodySurfaceAreaSquareMetres.Minimum
              && bodySurfaceAreaSquareMetres <= (double)BodySurfaceAreaSquareMetres.Maximum))
        {
            e.Add("bodySurfaceAreaSquareMetres", "Body surface area is outside the range the SLV formulas apply to.",
                BodySurfaceAreaSquareMetres.Describe());
        }

        e.CheckEnum(ruleSet.StandardLiverVolumeFormula, "standardLiverVolumeFormula");
        return e.Result(() => Compute(bodySurfaceAreaSquareMetres, ruleSet.StandardLiverVolumeFormula));
    }

    internal static double Compute(double bsa, StandardLiverVolumeFormula formula) => formula switch
    {
        StandardLiverVolumeFormula.Urata => Urata(bsa),
        _ => Vauthey(bsa),
    };

    /// <summary>Vauthey 2002 (Western adults): −794.41 + 1267.28 × BSA.</summary>
    public static double Vauthey(double bsa) => -794.41 + 1267.28 * bsa;

    /// <summary>Urata 1995 (Japanese adults): 706.2 × BSA + 2.4.</summary>
    public static double Urata(double bsa) => 706.2 * bsa + 2.4;
}
