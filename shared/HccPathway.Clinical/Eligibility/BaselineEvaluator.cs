using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Eligibility;

/// <summary>
/// The intake entry point: validates a baseline assessment, computes every score (SCORE-*), the CNLC stage
/// (STAGE-CNLC, STAGE-PVTT) and the eligibility decision (ELIG-1/2/3/X) in one call.
/// </summary>
public static class BaselineEvaluator
{
    public static Validated<BaselineEvaluation> Evaluate(BaselineAssessment assessment, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(ruleSet);

        var e = new ErrorCollector();
        Validate(e, assessment);
        if (e.HasErrors)
        {
            return Validated<BaselineEvaluation>.Failure(e.Errors);
        }

        var bsa = BodySurfaceArea.ComputeMosteller(assessment.Height, assessment.Weight);
        var slv = StandardLiverVolume.Calculate(bsa, ruleSet);
        if (!slv.IsValid)
        {
            return Validated<BaselineEvaluation>.Failure(slv.Errors);
        }

        var childPugh = ChildPugh.Compute(
            new ChildPughInputs(assessment.Bilirubin, assessment.Albumin, assessment.Inr, assessment.Ascites, assessment.EncephalopathyGrade),
            ruleSet);
        var albi = Albi.Compute(assessment.Bilirubin, assessment.Albumin);
        var largest = assessment.LargestTumourDiameter;
        var tbs = TumourBurden.Compute(assessment.TumourCount, largest);
        var taa = TaaScore.Compute(tbs, assessment.Afp, albi.Grade, ruleSet);
        double? flrRatio = assessment.FutureLiverRemnantVolume is { } flr
            ? (double)flr.Millilitres / slv.Value
            : null;
        var stage = CnlcStaging.Compute(new CnlcInputs(
            assessment.TumourCount,
            largest,
            assessment.MacrovascularInvasion,
            assessment.ExtrahepaticSpread,
            assessment.Ecog,
            childPugh.Class));
        var decision = EligibilityRules.Decide(assessment, stage, childPugh, flrRatio, ruleSet);

        return Validated<BaselineEvaluation>.Success(new BaselineEvaluation(
            childPugh,
            albi,
            tbs,
            taa,
            bsa,
            slv.Value,
            flrRatio,
            stage,
            assessment.MacrovascularInvasion,
            assessment.ExtrahepaticSpread,
            assessment.Pvtt is { } pvtt ? PvttClassification.ToVp(pvtt) : [],
            decision,
            ruleSet.Version));
    }

    private static void Validate(ErrorCollector e, BaselineAssessment a)
    {
        e.Check(a.Bilirubin);
        e.Check(a.Albumin);
        e.Check(a.Inr);
        e.Check(a.Afp);
        if (a.Dcp is { } dcp)
        {
            e.Check(dcp);
        }

        if (a.Ast is { } ast)
        {
            e.Check(ast, "astUnitsPerLitre");
        }

        if (a.Alt is { } alt)
        {
            e.Check(alt, "altUnitsPerLitre");
        }

        e.CheckEnum(a.Ascites, "ascites");
        e.InRange(a.EncephalopathyGrade, PlausibleRanges.EncephalopathyGrade, "encephalopathyGrade");
        e.InRange(a.Ecog, PlausibleRanges.Ecog, "ecog");
        e.Check(a.Weight);
        e.Check(a.Height);
        e.InRange(a.AgeYears, PlausibleRanges.AgeYears, "ageYears");

        e.InRange(a.TumourCount, PlausibleRanges.TumourCount, "tumourCount");
        if (a.TumourDiameters is null || a.TumourDiameters.Count == 0)
        {
            e.Add("tumourDiametersMillimetres", "At least the largest tumour must be measured.", "1 or more diameters");
        }
        else
        {
            for (var i = 0; i < a.TumourDiameters.Count; i++)
            {
                e.InRange(a.TumourDiameters[i].Millimetres, PlausibleRanges.TumourDiameterMillimetres, $"tumourDiametersMillimetres[{i}]");
            }

            e.Require(a.TumourDiameters.Count <= a.TumourCount, "tumourDiametersMillimetres",
                "More diameters than tumours were given.", "at most tumourCount diameters");
        }

        if (a.Pvtt is { } pvtt)
        {
            e.CheckEnum(pvtt, "pvttChengType");
        }

        e.InRange(a.PulmonaryNoduleCount, PlausibleRanges.PulmonaryNoduleCount, "pulmonaryNoduleCount");
        if (a.PulmonaryNoduleCount > 0)
        {
            if (a.LargestPulmonaryNodule is { } nodule)
            {
                e.InRange(nodule.Millimetres, PlausibleRanges.PulmonaryNoduleDiameterMillimetres, "largestPulmonaryNoduleMillimetres");
            }
            else
            {
                e.Add("largestPulmonaryNoduleMillimetres", "The largest pulmonary nodule must be measured when nodules are present.",
                    PlausibleRanges.PulmonaryNoduleDiameterMillimetres.Describe());
            }
        }
        else if (a.LargestPulmonaryNodule is not null)
        {
            e.Add("largestPulmonaryNoduleMillimetres", "A nodule size was given but the nodule count is 0.", "empty when pulmonaryNoduleCount is 0");
        }

        if (a.IcgR15 is { } icg)
        {
            e.Check(icg);
        }

        if (a.FutureLiverRemnantVolume is { } flr)
        {
            e.Check(flr);
        }

        ValidateResectability(e, a.Resectability);
    }

    private static void ValidateResectability(ErrorCollector e, ResectabilityAssessment? r)
    {
        const UnresectableReasons all = UnresectableReasons.IntolerableLiverFunction
                                        | UnresectableReasons.InsufficientFutureLiverRemnant
                                        | UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels;
        if (r is null)
        {
            e.Add("resectability", "The surgeon's resectability assessment is required.", "resectable, or unresectable with reasons");
            return;
        }

        if ((r.Reasons & ~all) != 0)
        {
            e.Add("resectability.reasons", "Unknown unresectability reason.", string.Join(", ", Enum.GetNames<UnresectableReasons>().Skip(1)));
        }
        else if (r.Resectable && r.Reasons != UnresectableReasons.None)
        {
            e.Add("resectability.reasons", "A resectable assessment cannot carry unresectability reasons.", "none when resectable");
        }
        else if (!r.Resectable && r.Reasons == UnresectableReasons.None)
        {
            e.Add("resectability.reasons", "An unresectable assessment must name at least one reason.",
                "intolerableLiverFunction, insufficientFutureLiverRemnant, tumourAdjacentToMajorDuctsOrVessels");
        }
    }
}
