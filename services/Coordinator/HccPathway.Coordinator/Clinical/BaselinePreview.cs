using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Mapping;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;

namespace HccPathway.Coordinator.Clinical;

/// <summary>
/// The live preview of a baseline: Intake's mapping (BaselineMapping) and the clinical library it decides with
/// (BaselineEvaluator), so what the coordinator sees while typing is what Intake will compute. Intake's answer remains
/// the record.
/// </summary>
public static class BaselinePreview
{
    public sealed record Result(BaselineEvaluation? Evaluation, IReadOnlyList<string> Incomplete, IReadOnlyList<ValidationError> Errors);

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
        if (m.Ascites is null || !BaselineMapping.AscitesNames.ContainsKey(m.Ascites))
        {
            missing.Add("ascites");
        }

        return missing;
    }

    // The form's values as Intake would store them, then Intake's own mapping to the clinical inputs.
    private static BaselineAssessment ToClinical(BaselineModel m, int ageYears) => BaselineMapping.ToClinical(m.AssessedOn!.Value, new BaselineMeasurements(
        ageYears, m.WeightKg!.Value, m.HeightCm!.Value, m.Ecog!.Value, m.BilirubinMicromolesPerLitre!.Value, m.AlbuminGramsPerLitre!.Value,
        m.Inr!.Value, m.AfpNanogramsPerMillilitre!.Value, m.DcpMilliUnitsPerMillilitre, m.AstUnitsPerLitre, m.AltUnitsPerLitre, m.Ascites!,
        m.EncephalopathyGrade!.Value, m.IcgR15Percent, m.FutureLiverRemnantMillilitres, m.SevereCirrhosis, m.FattyLiver, m.PortalHypertension,
        m.TumourCount!.Value, m.TumourDiametersMm()!,
        m.PvttChengType is { Length: > 0 } cheng && BaselineMapping.ChengTypes.ContainsKey(cheng) ? cheng : null,
        m.MainHepaticVeinThrombus, m.InferiorVenaCavaThrombus, m.OtherMacrovascularInvasion, m.PulmonaryNoduleCount, m.LargestPulmonaryNoduleMm,
        m.ExtrahepaticLymphNodes, m.OtherExtrahepaticSites, m.Surgeon()));
}
