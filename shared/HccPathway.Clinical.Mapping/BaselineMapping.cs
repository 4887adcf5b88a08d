using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Intake;

namespace HccPathway.Clinical.Mapping;

/// <summary>
/// Between the baseline as the contract stores it and as the clinical rules take it (units made explicit), and back:
/// Intake decides with it and the coordinator app previews with it, so the preview is what Intake will compute.
/// </summary>
public static class BaselineMapping
{
    public static readonly IReadOnlyDictionary<string, Ascites> AscitesNames = new Dictionary<string, Ascites>
    {
        ["none"] = Ascites.None,
        ["slight"] = Ascites.Slight,
        ["moderate-to-severe"] = Ascites.ModerateToSevere,
    };

    public static readonly IReadOnlyDictionary<string, PvttType> ChengTypes = new Dictionary<string, PvttType>
    {
        ["I"] = PvttType.ChengI,
        ["II"] = PvttType.ChengII,
        ["III"] = PvttType.ChengIII,
        ["IV"] = PvttType.ChengIV,
    };

    public static BaselineAssessment ToClinical(DateOnly assessedOn, BaselineMeasurements m, string? evidenceEventId = null) => new()
    {
        AssessedOn = assessedOn,
        EvidenceEventId = evidenceEventId,
        Bilirubin = Bilirubin.FromMicromolesPerLitre(m.BilirubinMicromolesPerLitre),
        Albumin = Albumin.FromGramsPerLitre(m.AlbuminGramsPerLitre),
        Inr = Inr.FromRatio(m.Inr),
        Afp = AfpNgPerMl.FromNanogramsPerMillilitre(m.AfpNanogramsPerMillilitre),
        Dcp = m.DcpMilliUnitsPerMillilitre is { } dcp ? DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(dcp) : null,
        Ast = m.AstUnitsPerLitre is { } ast ? AminotransferaseUnitsPerLitre.FromUnitsPerLitre(ast) : null,
        Alt = m.AltUnitsPerLitre is { } alt ? AminotransferaseUnitsPerLitre.FromUnitsPerLitre(alt) : null,
        Ascites = AscitesNames[m.Ascites],
        EncephalopathyGrade = m.EncephalopathyGrade,
        Ecog = m.Ecog,
        Weight = WeightKg.FromKilograms(m.WeightKg),
        Height = HeightCm.FromCentimetres(m.HeightCm),
        AgeYears = m.AgeYears,
        TumourCount = m.TumourCount,
        TumourDiameters = m.TumourDiametersMm.Select(LengthMm.FromMillimetres).ToArray(),
        Pvtt = m.PvttChengType is { } cheng ? ChengTypes[cheng] : null,
        MainHepaticVeinTumourThrombus = m.MainHepaticVeinThrombus,
        InferiorVenaCavaTumourThrombus = m.InferiorVenaCavaThrombus,
        OtherMacrovascularInvasion = m.OtherMacrovascularInvasion,
        PulmonaryNoduleCount = m.PulmonaryNoduleCount,
        LargestPulmonaryNodule = m.LargestPulmonaryNoduleMm is { } nodule ? LengthMm.FromMillimetres(nodule) : null,
        ExtrahepaticLymphNodeMetastasis = m.ExtrahepaticLymphNodes,
        OtherExtrahepaticSites = m.OtherExtrahepaticSites,
        IcgR15 = m.IcgR15Percent is { } icg ? IcgR15Percent.FromPercent(icg) : null,
        FutureLiverRemnantVolume = m.FutureLiverRemnantMillilitres is { } flr ? VolumeMl.FromMillilitres(flr) : null,
        SevereCirrhosis = m.SevereCirrhosis,
        FattyLiver = m.FattyLiver,
        PortalHypertension = m.PortalHypertension,
        Resectability = m.Surgeon.TechnicallyResectable
            ? ResectabilityAssessment.TechnicallyResectable
            : ResectabilityAssessment.Unresectable(
                (m.Surgeon.IntolerableLiverFunction ? UnresectableReasons.IntolerableLiverFunction : UnresectableReasons.None)
                | (m.Surgeon.InsufficientFutureLiverRemnant ? UnresectableReasons.InsufficientFutureLiverRemnant : UnresectableReasons.None)
                | (m.Surgeon.TumourAdjacentToMajorStructures ? UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels : UnresectableReasons.None)),
    };

    public static BaselineScores ToScores(BaselineEvaluation e) => new(
        e.ChildPugh.Total,
        e.ChildPugh.Class.ToString(),
        e.Albi.Score,
        (int)e.Albi.Grade,
        e.TumourBurdenScore,
        e.Taa.Total,
        e.Taa.Group.ToString().ToLowerInvariant(),
        e.Stage.ToString(),
        e.BodySurfaceAreaSquareMetres,
        e.StandardLiverVolumeMillilitres,
        e.FutureLiverRemnantRatio);

    public static CriterionResult ToContract(Criterion c) => new(
        c.RuleId, c.Name, c.Observed, c.Threshold, c.Outcome.ToString().ToLowerInvariant());

    public static Dictionary<string, string[]> ToProblemErrors(IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => $"measurements.{e.Field}")
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Message} Allowed: {e.AllowedRange}.").ToArray());
}
