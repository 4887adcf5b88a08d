namespace HccPathway.Clinical.Response;

/// <summary>RESP-PROG: progression pattern that drives FAIL-1.</summary>
public enum ProgressionPattern
{
    NoProgression,

    /// <summary>FAIL-1(a): intrahepatic growth with stable extrahepatic disease.</summary>
    IntrahepaticGrowthWithStableExtrahepatic,

    /// <summary>FAIL-1(b): a new lesion with all others stable.</summary>
    NewLesionWithOthersStable,

    /// <summary>FAIL-1(c): intra- and extrahepatic progression.</summary>
    IntraAndExtrahepaticProgression,

    /// <summary>Growth of extrahepatic disease only; not one of the review's three patterns.</summary>
    ExtrahepaticProgressionOnly,
}

/// <summary>RESP-PROG inputs: what progressed where.</summary>
public sealed record ProgressionFindings(
    bool IntrahepaticGrowth,
    bool NewIntrahepaticLesion,
    bool ExtrahepaticGrowth,
    bool NewExtrahepaticLesion);

/// <summary>RESP-PROG (review): classifies progression into the patterns FAIL-1 acts on.</summary>
public static class ProgressionPatterns
{
    public static ProgressionPattern Classify(ProgressionFindings findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var intra = findings.IntrahepaticGrowth || findings.NewIntrahepaticLesion;
        var extra = findings.ExtrahepaticGrowth || findings.NewExtrahepaticLesion;
        if (!intra && !extra)
        {
            return ProgressionPattern.NoProgression;
        }

        if (intra && extra)
        {
            return ProgressionPattern.IntraAndExtrahepaticProgression;
        }

        // Only new lesion(s), at one site, and nothing existing grew: pattern (b).
        if (!findings.IntrahepaticGrowth && !findings.ExtrahepaticGrowth)
        {
            return ProgressionPattern.NewLesionWithOthersStable;
        }

        // Intrahepatic growth (with or without a new intrahepatic lesion) and stable extrahepatic disease: pattern (a).
        return intra ? ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic : ProgressionPattern.ExtrahepaticProgressionOnly;
    }
}
