namespace HccPathway.Clinical.Response;

/// <summary>
/// One lesion on one study. <see cref="DiameterMillimetres"/> is the longest diameter, or the short axis for a lymph
/// node (RESP-RECIST). <see cref="ViableDiameterMillimetres"/> is the longest arterially enhancing diameter (RESP-MRECIST);
/// 0 means no enhancement left; null means not read.
/// </summary>
public sealed record LesionMeasurement(string LesionId, decimal DiameterMillimetres, decimal? ViableDiameterMillimetres = null);
