namespace HccPathway.Coordinator.Components.Pages.Forms.Markers;

/// <summary>One sample's AFP and DCP, each with the unit the laboratory reported it in.</summary>
public sealed class TumourMarkersModel
{
    public DateOnly? SampledOn { get; set; }
    public decimal? AfpValue { get; set; }
    public string AfpUnit { get; set; } = "ng/mL";
    public decimal? DcpValue { get; set; }
    public string DcpUnit { get; set; } = "mAU/mL";

    /// <summary>Units Assessment converts (MarkerUnits); the first is the canonical one.</summary>
    public static IReadOnlyList<string> AfpUnits { get; } = ["ng/mL", "µg/L", "IU/mL"];

    public static IReadOnlyList<string> DcpUnits { get; } = ["mAU/mL", "AU/L"];

    public object ToRequest(Guid sampleId) => new
    {
        sampleId, SampledOn,
        Afp = AfpValue is { } afp ? new { value = afp, unit = AfpUnit } : null,
        Dcp = DcpValue is { } dcp ? new { value = dcp, unit = DcpUnit } : null,
    };
}
