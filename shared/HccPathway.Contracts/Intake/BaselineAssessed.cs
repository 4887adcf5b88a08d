namespace HccPathway.Contracts.Intake;

/// <summary>
/// The baseline assessment before conversion therapy: what was measured, and the scores and stage computed
/// from it by the clinical rule set named in <see cref="RuleSetVersion"/>. Units are in the member names.
/// A later assessment supersedes an earlier one; nothing is edited.
/// </summary>
public sealed record BaselineAssessed(
    Guid PathwayId,
    DateOnly AssessedOn,
    BaselineMeasurements Measurements,
    BaselineScores Scores,
    string RuleSetVersion,
    DateTimeOffset RecordedAt);

/// <param name="Ascites">none, slight or moderate-to-severe.</param>
/// <param name="EncephalopathyGrade">West Haven grade, 0 (none) to 4.</param>
/// <param name="PvttChengType">Portal vein tumour thrombus, Cheng type I to IV; null when there is none.</param>
public sealed record BaselineMeasurements(
    int AgeYears,
    decimal WeightKg,
    decimal HeightCm,
    int Ecog,
    decimal BilirubinMicromolesPerLitre,
    decimal AlbuminGramsPerLitre,
    decimal Inr,
    decimal AfpNanogramsPerMillilitre,
    decimal? DcpMilliUnitsPerMillilitre,
    decimal? AstUnitsPerLitre,
    decimal? AltUnitsPerLitre,
    string Ascites,
    int EncephalopathyGrade,
    decimal? IcgR15Percent,
    decimal? FutureLiverRemnantMillilitres,
    bool SevereCirrhosis,
    bool FattyLiver,
    bool PortalHypertension,
    int TumourCount,
    IReadOnlyList<decimal> TumourDiametersMm,
    string? PvttChengType,
    bool MainHepaticVeinThrombus,
    bool InferiorVenaCavaThrombus,
    bool OtherMacrovascularInvasion,
    int PulmonaryNoduleCount,
    decimal? LargestPulmonaryNoduleMm,
    bool ExtrahepaticLymphNodes,
    bool OtherExtrahepaticSites,
    SurgeonResectability Surgeon);

/// <summary>The surgeon's judgement of resectability, with the reasons that apply (ELIG-1).</summary>
public sealed record SurgeonResectability(
    bool TechnicallyResectable,
    bool IntolerableLiverFunction,
    bool InsufficientFutureLiverRemnant,
    bool TumourAdjacentToMajorStructures);

public sealed record BaselineScores(
    int ChildPughPoints,
    string ChildPughClass,
    double AlbiScore,
    int AlbiGrade,
    double TumourBurdenScore,
    int TaaScore,
    string TaaRiskGroup,
    string CnlcStage,
    double BodySurfaceAreaSquareMetres,
    double StandardLiverVolumeMillilitres,
    double? FutureLiverRemnantRatio);
