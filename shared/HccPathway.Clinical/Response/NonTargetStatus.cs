namespace HccPathway.Clinical.Response;

/// <summary>Non-target disease on a study (including PVTT under mRECIST).</summary>
public enum NonTargetStatus
{
    /// <summary>No non-target disease, or all of it has disappeared (nodes normal, markers aside).</summary>
    Absent,

    /// <summary>Persisting non-target disease, neither complete response nor progression.</summary>
    Present,

    /// <summary>Unequivocal progression of non-target disease.</summary>
    UnequivocalProgression,
}
