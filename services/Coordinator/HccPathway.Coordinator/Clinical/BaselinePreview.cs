using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Coordinator.Clinical;

/// <summary>
/// The live preview of a baseline: the same clinical library Intake decides with (BaselineEvaluator), so what the
/// coordinator sees while typing is what Intake will compute. Intake's answer remains the record.
/// </summary>
public static class BaselinePreview
{
    public sealed record Result(BaselineEvaluation? Evaluation, IReadOnlyList<string> Incomplete, IReadOnlyList<ValidationError> Errors);

    private static readonly IReadOnlyDictionary<string, Ascites> AscitesNames = new Dictionary<string, Ascites>
    {
        ["none"] = Ascites.None,
        ["slight"] = Ascites.Slight,
        ["moderate-to-severe"] = Ascites.ModerateToSevere,
    };

    private static readonly IReadOnlyDictionary<string, PvttType> ChengTypes = new Dictionary<string, PvttType>
    {
        ["I"] = PvttType.ChengI,
        ["II"] = PvttType.ChengII,
        ["III"] = PvttType.ChengIII,
        ["IV"] = PvttType.ChengIV,
    };

    public static Result Evaluate(BaselineModel m, int ageYears, ClinicalRuleSet rules)
    {
        var missing = Missing(m);
        if (missing.Count > 0)
        {
            return new Result(null, missing, []);
        }

        BaselineAssessment assessment;
        try
        {
            assessment = ToClinical(m, ageYears);
        }
        catch (ArgumentException e)
        {
            // A unit refuses an impossible value (e.g. a negative concentration); the server will say the same.
            return new Result(null, [], [new ValidationError(e.ParamName ?? "value", e.Message, "")]);
        }

        var evaluated = BaselineEvaluator.Evaluate(assessment, rules);
        return evaluated.TryGetValue(out var evaluation)
            ? new Result(evaluation, [], [])
            : new Result(null, [], evaluated.Errors);
    }

    private static List<string> Missing(BaselineModel m)
    {
        var missing = new List<string>();
        void Need(object? value, string label)
        {
            if (value is null)
            {
                missing.Add(label);
            }
        }

        Need(m.AssessedOn, "assessment date");
        Need(m.WeightKg, "weight");
        Need(m.HeightCm, "height");
        Need(m.Ecog, "ECOG");
        Need(m.BilirubinMicromolesPerLitre, "bilirubin");
        Need(m.AlbuminGramsPerLitre, "albumin");
        Need(m.Inr, "INR");
        Need(m.AfpNanogramsPerMillilitre, "AFP");
        Need(m.EncephalopathyGrade, "encephalopathy grade");
        Need(m.TumourCount, "tumour count");
        Need(m.TumourDiametersMm(), "tumour diameters");
        if (m.Ascites is null || !AscitesNames.ContainsKey(m.Ascites))
        {
            missing.Add("ascites");
        }

        return missing;
    }

    private static BaselineAssessment ToClinical(BaselineModel m, int ageYears) => new()
    {
        AssessedOn = m.AssessedOn!.Value,
        Bilirubin = Bilirubin.FromMicromolesPerLitre(m.BilirubinMicromolesPerLitre!.Value),
        Albumin = Albumin.FromGramsPerLitre(m.AlbuminGramsPerLitre!.Value),
        Inr = Inr.FromRatio(m.Inr!.Value),
        Afp = AfpNgPerMl.FromNanogramsPerMillilitre(m.AfpNanogramsPerMillilitre!.Value),
        Dcp = m.DcpMilliUnitsPerMillilitre is { } dcp ? DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(dcp) : null,
        Ast = m.AstUnitsPerLitre is { } ast ? AminotransferaseUnitsPerLitre.FromUnitsPerLitre(ast) : null,
        Alt = m.AltUnitsPerLitre is { } alt ? AminotransferaseUnitsPerLitre.FromUnitsPerLitre(alt) : null,
        Ascites = AscitesNames[m.Ascites!],
        EncephalopathyGrade = m.EncephalopathyGrade!.Value,
        Ecog = m.Ecog!.Value,
        Weight = WeightKg.FromKilograms(m.WeightKg!.Value),
        Height = HeightCm.FromCentimetres(m.HeightCm!.Value),
        AgeYears = ageYears,
        TumourCount = m.TumourCount!.Value,
        TumourDiameters = m.TumourDiametersMm()!.Select(LengthMm.FromMillimetres).ToArray(),
        Pvtt = m.PvttChengType is { Length: > 0 } cheng && ChengTypes.TryGetValue(cheng, out var type) ? type : null,
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
        Resectability = m.TechnicallyResectable
            ? ResectabilityAssessment.TechnicallyResectable
            : ResectabilityAssessment.Unresectable(
                (m.IntolerableLiverFunction ? UnresectableReasons.IntolerableLiverFunction : UnresectableReasons.None)
                | (m.InsufficientFutureLiverRemnant ? UnresectableReasons.InsufficientFutureLiverRemnant : UnresectableReasons.None)
                | (m.TumourAdjacentToMajorStructures ? UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels : UnresectableReasons.None)),
    };
}
