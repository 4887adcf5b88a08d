namespace HccPathway.Contracts.Assessment;

/// <summary>Imaging modalities as messages name them.</summary>
public static class ImagingModalities
{
    public const string Ct = "ct";
    public const string Mri = "mri";
    public const string PetCt = "pet-ct";

    public static IReadOnlyList<string> All { get; } = [Ct, Mri, PetCt];
}

/// <summary>Non-target disease on a study (RESP-RECIST, RESP-MRECIST; PVTT is non-target under mRECIST).</summary>
public static class NonTargetStatuses
{
    public const string Absent = "absent";
    public const string Present = "present";
    public const string UnequivocalProgression = "unequivocal-progression";

    public static IReadOnlyList<string> All { get; } = [Absent, Present, UnequivocalProgression];
}

/// <summary>Where a new lesion is (RESP-PROG).</summary>
public static class LesionSites
{
    public const string Intrahepatic = "intrahepatic";
    public const string Extrahepatic = "extrahepatic";

    public static IReadOnlyList<string> All { get; } = [Intrahepatic, Extrahepatic];
}

/// <summary>Extrahepatic disease on a study, as the radiologist reads it (RESP-PROG, RESP-CCR (3)).</summary>
public static class ExtrahepaticStatuses
{
    public const string None = "none";
    public const string Stable = "stable";
    public const string Progressing = "progressing";

    public static IReadOnlyList<string> All { get; } = [None, Stable, Progressing];
}

/// <summary>Response criteria names.</summary>
public static class ResponseCriteriaNames
{
    public const string Recist11 = "recist-1.1";
    public const string Mrecist = "mrecist";
}

/// <summary>Response categories (RESP-RECIST, RESP-MRECIST). NE: a target was not measured.</summary>
public static class ResponseCategories
{
    public const string CompleteResponse = "CR";
    public const string PartialResponse = "PR";
    public const string StableDisease = "SD";
    public const string ProgressiveDisease = "PD";
    public const string NotEvaluable = "NE";

    public static IReadOnlyList<string> All { get; } = [CompleteResponse, PartialResponse, StableDisease, ProgressiveDisease, NotEvaluable];
}

/// <summary>Tumour markers and their canonical units.</summary>
public static class TumourMarkers
{
    /// <summary>Alpha-fetoprotein, canonical unit ng/mL (LOINC 1834-1).</summary>
    public const string Afp = "afp";

    /// <summary>Des-gamma-carboxy prothrombin / PIVKA-II, canonical unit mAU/mL.</summary>
    public const string Dcp = "dcp";

    public const string AfpUnit = "ng/mL";
    public const string DcpUnit = "mAU/mL";
}

/// <summary>SCORE-AFPR outcome.</summary>
public static class AfpResponseStatuses
{
    public const string Responder = "responder";
    public const string NonResponder = "non-responder";

    /// <summary>Baseline AFP was not above the upper limit of normal, so the response is not defined.</summary>
    public const string NotEvaluable = "not-evaluable";
}

/// <summary>Where a marker stands against its baseline (RESP-CCR (2)).</summary>
public static class MarkerNormalisation
{
    /// <summary>Normal at baseline (or no baseline value): normalisation is not required.</summary>
    public const string NotRequired = "not-required";

    /// <summary>Positive at baseline and now at or below the upper limit of normal.</summary>
    public const string Normalised = "normalised";

    /// <summary>Positive at baseline and still above the upper limit of normal.</summary>
    public const string StillAbnormal = "still-abnormal";
}

/// <summary>RESP-PROG patterns; the first three are FAIL-1 (a), (b) and (c).</summary>
public static class ProgressionPatternNames
{
    public const string IntrahepaticGrowthWithStableExtrahepatic = "intrahepatic-growth-stable-extrahepatic";
    public const string NewLesionWithOthersStable = "new-lesion-others-stable";
    public const string IntraAndExtrahepaticProgression = "intra-and-extrahepatic-progression";

    /// <summary>Extrahepatic growth alone; not one of the review's three patterns (MDT review).</summary>
    public const string ExtrahepaticProgressionOnly = "extrahepatic-progression-only";
}
