namespace HccPathway.Clinical.Response;

/// <summary>
/// A target lesion chosen at baseline. <see cref="Organ"/> is free text used for the "at most 2 per organ" rule
/// (for example "liver", "lung"). A tumour thrombus (PVTT) cannot be an mRECIST target.
/// </summary>
public sealed record TargetLesion(string LesionId, string Organ, bool IsLymphNode = false, bool IsTumourThrombus = false);
