namespace HccPathway.Clinical.Scores;

/// <summary>SCORE-SLV: which published regression estimates the standard liver volume from BSA.</summary>
public enum StandardLiverVolumeFormula
{
    /// <summary>Vauthey 2002: SLV = −794.41 + 1267.28 × BSA (default).</summary>
    Vauthey,

    /// <summary>Urata 1995: SLV = 706.2 × BSA + 2.4 (configurable alternative).</summary>
    Urata,
}
