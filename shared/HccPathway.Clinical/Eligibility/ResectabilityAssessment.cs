namespace HccPathway.Clinical.Eligibility;

/// <summary>
/// The surgeon's resectability assessment at baseline. An unresectable assessment names at least one reason;
/// a resectable one names none (ELIG-1 / ELIG-2).
/// </summary>
public sealed record ResectabilityAssessment(bool Resectable, UnresectableReasons Reasons)
{
    public static ResectabilityAssessment TechnicallyResectable { get; } = new(true, UnresectableReasons.None);

    public static ResectabilityAssessment Unresectable(UnresectableReasons reasons) => new(false, reasons);
}
