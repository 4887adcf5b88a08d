namespace HccPathway.Clinical.Rules;

/// <summary>
/// Plausibility limits for inputs. They are deliberately wide: they exist to catch a wrong unit
/// (albumin 3.5 typed for 35 g/L), a missing value sent as 0, or a typing error, not to judge the patient.
/// The README lists them; they are not clinical thresholds and so are not part of <see cref="ClinicalRuleSet"/>.
/// </summary>
public static class PlausibleRanges
{
    public static readonly PlausibleRange BilirubinMicromolesPerLitre = new(1m, 1000m, "µmol/L");
    public static readonly PlausibleRange AlbuminGramsPerLitre = new(10m, 70m, "g/L");
    public static readonly PlausibleRange Inr = new(0.5m, 10m, "");
    public static readonly PlausibleRange AfpNanogramsPerMillilitre = new(0m, 10_000_000m, "ng/mL");
    public static readonly PlausibleRange DcpMilliArbitraryUnitsPerMillilitre = new(0m, 10_000_000m, "mAU/mL");
    public static readonly PlausibleRange AminotransferaseUnitsPerLitre = new(1m, 20_000m, "U/L");
    public static readonly PlausibleRange WeightKilograms = new(25m, 300m, "kg");
    public static readonly PlausibleRange HeightCentimetres = new(100m, 250m, "cm");
    public static readonly PlausibleRange AgeYears = new(18m, 120m, "years");
    public static readonly PlausibleRange Ecog = new(0m, 4m, "");
    public static readonly PlausibleRange EncephalopathyGrade = new(0m, 4m, "");
    public static readonly PlausibleRange TumourCount = new(1m, 100m, "tumours");
    public static readonly PlausibleRange TumourDiameterMillimetres = new(1m, 300m, "mm");
    public static readonly PlausibleRange PulmonaryNoduleCount = new(0m, 100m, "nodules");
    public static readonly PlausibleRange PulmonaryNoduleDiameterMillimetres = new(1m, 200m, "mm");
    public static readonly PlausibleRange IcgR15Percent = new(0m, 100m, "%");
    public static readonly PlausibleRange FutureLiverRemnantMillilitres = new(50m, 5000m, "mL");

    /// <summary>Follow-up lesion measurements may be 0 (the lesion has disappeared).</summary>
    public static readonly PlausibleRange LesionDiameterMillimetres = new(0m, 400m, "mm");

    public static readonly PlausibleRange CtcaeGrade = new(0m, 5m, "");
    public static readonly PlausibleRange ViableTumourPercent = new(0m, 100m, "%");
    public static readonly PlausibleRange ResectionMarginMillimetres = new(0m, 200m, "mm");
}
