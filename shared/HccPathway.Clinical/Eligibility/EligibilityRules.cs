using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Eligibility;

/// <summary>
/// ELIG-1, ELIG-2, ELIG-3 and ELIG-X (review; Chinese consensus [22–24]). Every group is evaluated and every
/// criterion listed, so the decision explains both why a patient fits and why the other groups do not.
/// </summary>
internal static class EligibilityRules
{
    public static EligibilityDecision Decide(
        BaselineAssessment a,
        CnlcStage stage,
        ChildPughScore childPugh,
        double? flrRatio,
        ClinicalRuleSet ruleSet)
    {
        var evidence = a.EvidenceEventId is { } id ? new[] { new EvidenceRef(id, a.AssessedOn) } : [];
        var criteria = new List<Criterion>();
        var matched = new List<EligibilityGroup>();

        if (Group1(a, stage, childPugh, flrRatio, ruleSet, criteria))
        {
            matched.Add(EligibilityGroup.SurgicallyUnresectableEarlyStage);
        }

        if (Group2(a, stage, criteria))
        {
            matched.Add(EligibilityGroup.ResectableWithoutSurvivalBenefit);
        }

        if (Group3(a, stage, ruleSet, criteria))
        {
            matched.Add(EligibilityGroup.OligometastaticStageIIIb);
        }

        // ELIG-X: a patient who fits no group is not eligible.
        criteria.Add(new Criterion(
            "ELIG-X",
            "Fits at least one conversion-therapy group",
            matched.Count == 0 ? "none" : string.Join(", ", matched.Select(g => g.RuleId())),
            "ELIG-1, ELIG-2 or ELIG-3",
            Outcome(matched.Count > 0)));

        var withEvidence = criteria.Select(c => c with { Evidence = evidence }).ToArray();
        return new EligibilityDecision(matched.Count > 0, matched, withEvidence, ruleSet.Version);
    }

    // ELIG-1: surgically unresectable CNLC Ia, Ib or IIa.
    private static bool Group1(
        BaselineAssessment a,
        CnlcStage stage,
        ChildPughScore childPugh,
        double? flrRatio,
        ClinicalRuleSet r,
        List<Criterion> criteria)
    {
        const string id = "ELIG-1";
        var stageOk = stage is CnlcStage.Ia or CnlcStage.Ib or CnlcStage.IIa;
        criteria.Add(new Criterion(id, "CNLC stage", stage.ToString(), "Ia, Ib or IIa", Outcome(stageOk)));

        var reasons = a.Resectability.Reasons;
        var unresectable = !a.Resectability.Resectable && reasons != UnresectableReasons.None;
        criteria.Add(new Criterion(id, "Surgically unresectable (surgeon's assessment)",
            a.Resectability.Resectable ? "resectable" : "unresectable: " + reasons,
            "unresectable for intolerable liver function, insufficient FLR or a tumour next to major ducts/vessels",
            Outcome(unresectable)));

        if (!reasons.HasFlag(UnresectableReasons.InsufficientFutureLiverRemnant))
        {
            return stageOk && unresectable;
        }

        // ELIG-1: the FLR-growth route has its own suggested selection; it is evaluated only when the surgeon
        // gives insufficient FLR as a reason. Another reason on its own still qualifies the patient.
        var flrRoute = FlrRouteCriteria(a, childPugh, flrRatio, r).ToArray();
        criteria.AddRange(flrRoute);
        var flrRouteOk = flrRoute.All(c => c.Passed);
        var otherReason = (reasons & ~UnresectableReasons.InsufficientFutureLiverRemnant) != UnresectableReasons.None;
        return stageOk && unresectable && (flrRouteOk || otherReason);
    }

    private static IEnumerable<Criterion> FlrRouteCriteria(
        BaselineAssessment a,
        ChildPughScore childPugh,
        double? flrRatio,
        ClinicalRuleSet r)
    {
        const string id = "ELIG-1";
        yield return new Criterion(id, "FLR route: age", Of(a.AgeYears) + " years", $"< {Of(r.Elig1AgeBelowYears)} years",
            Outcome(a.AgeYears < r.Elig1AgeBelowYears))
        { ObservedValue = a.AgeYears, Unit = "years" };

        yield return new Criterion(id, "FLR route: Child–Pugh class", $"{childPugh.Class} ({Of(childPugh.Total)} points)", "A",
            Outcome(childPugh.Class == ChildPughClass.A))
        { ObservedValue = childPugh.Total, Unit = "points" };

        yield return a.IcgR15 is { } icg
            ? new Criterion(id, "FLR route: ICG-R15", Of(icg.Percent) + " %", $"< {Of(r.Elig1IcgR15BelowPercent)} %",
                Outcome(icg.Percent < r.Elig1IcgR15BelowPercent))
            { ObservedValue = icg.Percent, Unit = "%" }
            : new Criterion(id, "FLR route: ICG-R15", "not measured", $"< {Of(r.Elig1IcgR15BelowPercent)} %",
                CriterionOutcome.Unknown)
            { Note = "ICG-R15 is needed to select the FLR-growth route." };

        if (flrRatio is { } ratio)
        {
            // Rounded to 4 decimals so floating-point noise (696.06 / 1740.15 = 0.39999…) cannot flip the cut-off.
            var percent = Math.Round((decimal)ratio * 100m, 4);
            yield return new Criterion(id, "FLR route: FLR/SLV (insufficient)", Of(Math.Round(percent, 1)) + " %",
                $"< {Of(r.Elig1InsufficientFlrBelowPercent)} %", Outcome(percent < r.Elig1InsufficientFlrBelowPercent))
            { ObservedValue = percent, Unit = "%" };
        }
        else
        {
            yield return new Criterion(id, "FLR route: FLR/SLV (insufficient)", "FLR volume not measured",
                $"< {Of(r.Elig1InsufficientFlrBelowPercent)} %", CriterionOutcome.Unknown)
            { Note = "FLR volumetry is needed to confirm an insufficient FLR." };
        }

        yield return new Criterion(id, "FLR route: good general condition (ECOG)", Of(a.Ecog),
            $"≤ {Of(r.Elig1GoodConditionMaximumEcog)}", Outcome(a.Ecog <= r.Elig1GoodConditionMaximumEcog))
        { ObservedValue = a.Ecog };

        yield return new Criterion(id, "FLR route: no severe cirrhosis", Of(a.SevereCirrhosis), "no", Outcome(!a.SevereCirrhosis));
        yield return new Criterion(id, "FLR route: no fatty liver", Of(a.FattyLiver), "no", Outcome(!a.FattyLiver));
        yield return new Criterion(id, "FLR route: no portal hypertension", Of(a.PortalHypertension), "no", Outcome(!a.PortalHypertension));
    }

    // ELIG-2: technically resectable CNLC IIb or IIIa without survival benefit from direct surgery.
    private static bool Group2(BaselineAssessment a, CnlcStage stage, List<Criterion> criteria)
    {
        const string id = "ELIG-2";
        var stageOk = stage is CnlcStage.IIb or CnlcStage.IIIa;
        criteria.Add(new Criterion(id, "CNLC stage", stage.ToString(), "IIb or IIIa", Outcome(stageOk)));

        criteria.Add(new Criterion(id, "Technically resectable (surgeon's assessment)",
            a.Resectability.Resectable ? "resectable" : "unresectable", "resectable", Outcome(a.Resectability.Resectable)));

        var highGradePvtt = a.Pvtt is { } pvtt && PvttClassification.IsGradeThreeOrFour(pvtt);
        var vascular = highGradePvtt || a.MainHepaticVeinTumourThrombus || a.InferiorVenaCavaTumourThrombus;
        criteria.Add(new Criterion(id, "No survival benefit from direct surgery: PVTT Cheng III–IV, or main hepatic vein / IVC tumour thrombus",
            $"PVTT {(a.Pvtt is { } p ? p.ToString() : "none")}; main hepatic vein thrombus {Of(a.MainHepaticVeinTumourThrombus)}; IVC thrombus {Of(a.InferiorVenaCavaTumourThrombus)}",
            "PVTT Cheng III or IV, or main hepatic vein or IVC tumour thrombus",
            Outcome(vascular)));

        return stageOk && a.Resectability.Resectable && vascular;
    }

    // ELIG-3: CNLC IIIb with pulmonary oligometastasis (≤5, largest <3 cm) or extrahepatic lymph-node metastasis.
    private static bool Group3(BaselineAssessment a, CnlcStage stage, ClinicalRuleSet r, List<Criterion> criteria)
    {
        const string id = "ELIG-3";
        var stageOk = stage == CnlcStage.IIIb;
        criteria.Add(new Criterion(id, "CNLC stage", stage.ToString(), "IIIb", Outcome(stageOk)));

        var hasLung = a.PulmonaryNoduleCount > 0;
        var present = hasLung || a.ExtrahepaticLymphNodeMetastasis;
        criteria.Add(new Criterion(id, "Pulmonary or extrahepatic lymph-node metastasis present",
            $"pulmonary nodules {Of(a.PulmonaryNoduleCount)}; lymph nodes {Of(a.ExtrahepaticLymphNodeMetastasis)}",
            "pulmonary metastasis or extrahepatic lymph-node metastasis", Outcome(present)));

        var countOk = a.PulmonaryNoduleCount <= r.Elig3MaximumPulmonaryNodules;
        criteria.Add(new Criterion(id, "Pulmonary metastases: number", Of(a.PulmonaryNoduleCount),
            $"≤ {Of(r.Elig3MaximumPulmonaryNodules)}", Outcome(countOk))
        { ObservedValue = a.PulmonaryNoduleCount });

        var largestLung = a.LargestPulmonaryNodule?.Millimetres;
        var sizeOk = !hasLung || largestLung < r.Elig3PulmonaryNoduleDiameterBelowMillimetres;
        criteria.Add(new Criterion(id, "Pulmonary metastases: largest diameter",
            largestLung is { } mm ? Of(mm) + " mm" : "no pulmonary nodules",
            $"< {Of(r.Elig3PulmonaryNoduleDiameterBelowMillimetres)} mm", Outcome(sizeOk))
        { ObservedValue = largestLung, Unit = "mm" });

        // ELIG-3 read strictly: extrahepatic disease must be limited to lung oligometastasis and lymph nodes.
        criteria.Add(new Criterion(id, "No extrahepatic site other than lung and lymph nodes",
            Of(a.OtherExtrahepaticSites), "no", Outcome(!a.OtherExtrahepaticSites)));

        return stageOk && present && countOk && sizeOk && !a.OtherExtrahepaticSites;
    }
}
