using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Eligibility;

/// <summary>
/// Everything a baseline (intake) visit records that the scores, CNLC staging and eligibility need.
/// Optional values are null when not measured; a rule that needs a missing value reports it as Unknown
/// rather than guessing.
/// </summary>
public sealed record BaselineAssessment
{
    /// <summary>Date of the visit; criteria cite it as their evidence date.</summary>
    public required DateOnly AssessedOn { get; init; }

    /// <summary>Opaque id of the event that recorded this assessment; criteria cite it as evidence.</summary>
    public string? EvidenceEventId { get; init; }

    // Laboratory values
    public required Bilirubin Bilirubin { get; init; }
    public required Albumin Albumin { get; init; }
    public required Inr Inr { get; init; }
    public required AfpNgPerMl Afp { get; init; }
    public DcpMauPerMl? Dcp { get; init; }
    public AminotransferaseUnitsPerLitre? Ast { get; init; }
    public AminotransferaseUnitsPerLitre? Alt { get; init; }

    // Clinical status
    public required Ascites Ascites { get; init; }

    /// <summary>West Haven grade 0 (none) to 4.</summary>
    public required int EncephalopathyGrade { get; init; }

    /// <summary>ECOG performance status 0–4.</summary>
    public required int Ecog { get; init; }

    public required WeightKg Weight { get; init; }
    public required HeightCm Height { get; init; }
    public required int AgeYears { get; init; }

    // Intrahepatic tumour
    /// <summary>Number of intrahepatic tumours (may exceed the number of measured diameters).</summary>
    public required int TumourCount { get; init; }

    /// <summary>Measured tumour diameters; at least one, at most <see cref="TumourCount"/>.</summary>
    public required IReadOnlyList<LengthMm> TumourDiameters { get; init; }

    // Macrovascular invasion
    /// <summary>Portal vein tumour thrombus, Cheng type; null when there is none.</summary>
    public PvttType? Pvtt { get; init; }

    public bool MainHepaticVeinTumourThrombus { get; init; }
    public bool InferiorVenaCavaTumourThrombus { get; init; }

    /// <summary>Any other macrovascular invasion (for example a hepatic vein branch); counts for staging only.</summary>
    public bool OtherMacrovascularInvasion { get; init; }

    // Extrahepatic disease
    public int PulmonaryNoduleCount { get; init; }

    /// <summary>Required when <see cref="PulmonaryNoduleCount"/> is above 0; must be null otherwise.</summary>
    public LengthMm? LargestPulmonaryNodule { get; init; }

    public bool ExtrahepaticLymphNodeMetastasis { get; init; }

    /// <summary>Extrahepatic disease other than lung and lymph nodes (bone, adrenal, peritoneum, ...).</summary>
    public bool OtherExtrahepaticSites { get; init; }

    // Liver reserve
    public IcgR15Percent? IcgR15 { get; init; }
    public VolumeMl? FutureLiverRemnantVolume { get; init; }
    public bool SevereCirrhosis { get; init; }
    public bool FattyLiver { get; init; }
    public bool PortalHypertension { get; init; }

    // Surgeon
    public required ResectabilityAssessment Resectability { get; init; }

    public bool MacrovascularInvasion =>
        Pvtt is not null || MainHepaticVeinTumourThrombus || InferiorVenaCavaTumourThrombus || OtherMacrovascularInvasion;

    public bool ExtrahepaticSpread => PulmonaryNoduleCount > 0 || ExtrahepaticLymphNodeMetastasis || OtherExtrahepaticSites;

    public LengthMm LargestTumourDiameter =>
        TumourDiameters is { Count: > 0 } d ? d.MaxBy(x => x.Millimetres) : default;
}
