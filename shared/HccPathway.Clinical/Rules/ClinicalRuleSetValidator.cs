namespace HccPathway.Clinical.Rules;

/// <summary>Rejects a rule set that would make rules meaningless (negative washouts, min above max, and so on).</summary>
internal static class ClinicalRuleSetValidator
{
    public static Validated<ClinicalRuleSet> Validate(ClinicalRuleSet r)
    {
        var e = new ErrorCollector();
        e.Require(!string.IsNullOrWhiteSpace(r.Version), "version", "A rule set needs a version.", "non-empty text");
        // SCORE-CP: the two published boundaries are 28 and 30; allow a little room around them, nothing absurd.
        e.InRange(r.ChildPughAlbuminLowerBoundaryGramsPerLitre, new PlausibleRange(25m, 35m, "g/L"), "childPughAlbuminLowerBoundaryGramsPerLitre");
        e.InRange(r.TaaTumourBurdenHighCutoff, new PlausibleRange(0.1m, 50m, ""), "taaTumourBurdenHighCutoff");
        e.InRange(r.TaaAfpHighCutoffNanogramsPerMillilitre, new PlausibleRange(1m, 100_000m, "ng/mL"), "taaAfpHighCutoffNanogramsPerMillilitre");
        e.Require(Enum.IsDefined(r.StandardLiverVolumeFormula), "standardLiverVolumeFormula", "Unknown formula.", "Vauthey or Urata");
        e.InRange(r.AfpResponseMinimumDecreasePercent, new PlausibleRange(1m, 100m, "%"), "afpResponseMinimumDecreasePercent");
        e.InRange(r.AfpUpperLimitOfNormalNanogramsPerMillilitre, new PlausibleRange(1m, 1000m, "ng/mL"), "afpUpperLimitOfNormalNanogramsPerMillilitre");
        e.InRange(r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre, new PlausibleRange(1m, 1000m, "mAU/mL"), "dcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre");
        e.InRange(r.Elig1AgeBelowYears, new PlausibleRange(18m, 120m, "years"), "elig1AgeBelowYears");
        e.InRange(r.Elig1IcgR15BelowPercent, new PlausibleRange(1m, 100m, "%"), "elig1IcgR15BelowPercent");
        e.InRange(r.Elig1InsufficientFlrBelowPercent, new PlausibleRange(1m, 100m, "%"), "elig1InsufficientFlrBelowPercent");
        e.InRange(r.Elig1GoodConditionMaximumEcog, new PlausibleRange(0m, 4m, ""), "elig1GoodConditionMaximumEcog");
        e.InRange(r.Elig3MaximumPulmonaryNodules, new PlausibleRange(1m, 100m, "nodules"), "elig3MaximumPulmonaryNodules");
        e.InRange(r.Elig3PulmonaryNoduleDiameterBelowMillimetres, new PlausibleRange(1m, 200m, "mm"), "elig3PulmonaryNoduleDiameterBelowMillimetres");
        e.InRange(r.LenvatinibWeightThresholdKilograms, PlausibleRanges.WeightKilograms, "lenvatinibWeightThresholdKilograms");
        e.InRange(r.LenvatinibDoseAtOrAboveThresholdMilligrams, new PlausibleRange(1m, 24m, "mg"), "lenvatinibDoseAtOrAboveThresholdMilligrams");
        e.InRange(r.LenvatinibDoseBelowThresholdMilligrams, new PlausibleRange(1m, 24m, "mg"), "lenvatinibDoseBelowThresholdMilligrams");
        e.InRange(r.TaceDaysAfterLenvatinibStart, new PlausibleRange(0m, 180m, "days"), "taceDaysAfterLenvatinibStart");
        e.InRange(r.CamrelizumabDoseMilligrams, new PlausibleRange(1m, 1000m, "mg"), "camrelizumabDoseMilligrams");
        e.InRange(r.CamrelizumabFirstDoseDaysAfterTace, new PlausibleRange(1m, 180m, "days"), "camrelizumabFirstDoseDaysAfterTace");
        e.InRange(r.CamrelizumabIntervalDays, new PlausibleRange(1m, 180m, "days"), "camrelizumabIntervalDays");
        e.InRange(r.CamrelizumabPlannedDoses, new PlausibleRange(1m, 52m, "doses"), "camrelizumabPlannedDoses");
        e.InRange(r.TaceRepeatMinimumIntervalDays, new PlausibleRange(1m, 365m, "days"), "taceRepeatMinimumIntervalDays");
        e.InRange(r.ScheduleOverdueGraceDays, new PlausibleRange(0m, 30m, "days"), "scheduleOverdueGraceDays");
        e.InRange(r.HoldMinimumCtcaeGrade, new PlausibleRange(1m, 5m, ""), "holdMinimumCtcaeGrade");
        e.InRange(r.HoldResolutionMaximumGrade, new PlausibleRange(0m, 4m, ""), "holdResolutionMaximumGrade");
        e.Require(r.HoldResolutionMaximumGrade < r.HoldMinimumCtcaeGrade, "holdResolutionMaximumGrade",
            "The resolution grade must be below the grade that starts a hold.", "below holdMinimumCtcaeGrade");
        e.Require(r.LenvatinibDoseLevelsMilligrams is { Count: > 0 } levels && levels.All(d => d > 0m)
                  && levels.Zip(levels.Skip(1)).All(p => p.First > p.Second),
            "lenvatinibDoseLevelsMilligrams", "Dose levels must be positive and strictly decreasing.", "e.g. [12, 8, 4]");
        e.InRange(r.FollowUpImagingMinimumWeeks, new PlausibleRange(1m, 52m, "weeks"), "followUpImagingMinimumWeeks");
        e.InRange(r.FollowUpImagingMaximumWeeks, new PlausibleRange(1m, 52m, "weeks"), "followUpImagingMaximumWeeks");
        e.Require(r.FollowUpImagingMinimumWeeks <= r.FollowUpImagingMaximumWeeks, "followUpImagingMaximumWeeks",
            "The latest follow-up must not precede the earliest.", "≥ followUpImagingMinimumWeeks");
        e.InRange(r.ResponseImagingIntervalWeeks, new PlausibleRange(4m, 8m, "weeks"), "responseImagingIntervalWeeks");
        e.InRange(r.SurveillanceEarlyIntervalMonths, new PlausibleRange(1m, 24m, "months"), "surveillanceEarlyIntervalMonths");
        e.InRange(r.SurveillanceEarlyPhaseYears, new PlausibleRange(0m, 10m, "years"), "surveillanceEarlyPhaseYears");
        e.InRange(r.SurveillanceLateIntervalMonths, new PlausibleRange(1m, 24m, "months"), "surveillanceLateIntervalMonths");
        e.InRange(r.PreDoseLabsDaysBefore, new PlausibleRange(0m, 14m, "days"), "preDoseLabsDaysBefore");
        e.InRange(r.MdtReviewDaysAfterAssessment, new PlausibleRange(0m, 30m, "days"), "mdtReviewDaysAfterAssessment");
        e.InRange(r.AdverseEventResolvedMaximumGrade, new PlausibleRange(0m, 4m, ""), "adverseEventResolvedMaximumGrade");
        e.InRange(r.CcrStabilityMonths, new PlausibleRange(0m, 60m, "months"), "ccrStabilityMonths");
        e.InRange(r.StableDiseaseMinimumMonths, new PlausibleRange(0m, 24m, "months"), "stableDiseaseMinimumMonths");
        e.InRange(r.ReadinessMinimumFlrPercentOfSlv, new PlausibleRange(1m, 100m, "%"), "readinessMinimumFlrPercentOfSlv");
        e.InRange(r.ReadinessMaximumChildPughScore, new PlausibleRange(5m, 15m, "points"), "readinessMaximumChildPughScore");
        e.InRange(r.ReadinessMaximumIcgR15Percent, new PlausibleRange(0m, 100m, "%"), "readinessMaximumIcgR15Percent");
        e.InRange(r.ReadinessMaximumEcog, new PlausibleRange(0m, 4m, ""), "readinessMaximumEcog");
        e.InRange(r.ReadinessMaximumEvidenceAgeDays, new PlausibleRange(1m, 365m, "days"), "readinessMaximumEvidenceAgeDays");
        e.InRange(r.AntiAngiogenicAntibodyWashoutDays, new PlausibleRange(0m, 180m, "days"), "antiAngiogenicAntibodyWashoutDays");
        e.InRange(r.TaceWashoutDays, new PlausibleRange(0m, 180m, "days"), "taceWashoutDays");
        e.InRange(r.TyrosineKinaseInhibitorWashoutDays, new PlausibleRange(0m, 180m, "days"), "tyrosineKinaseInhibitorWashoutDays");
        e.InRange(r.ImmuneCheckpointInhibitorWashoutDays, new PlausibleRange(0m, 180m, "days"), "immuneCheckpointInhibitorWashoutDays");
        e.InRange(r.MajorPathologicalResponseMaximumViablePercent, new PlausibleRange(0m, 100m, "%"), "majorPathologicalResponseMaximumViablePercent");
        e.InRange(r.AdjuvantStartMonthsAfterSurgery, new PlausibleRange(0m, 12m, "months"), "adjuvantStartMonthsAfterSurgery");
        e.InRange(r.AdjuvantMinimumMonths, new PlausibleRange(1m, 60m, "months"), "adjuvantMinimumMonths");
        e.InRange(r.AdjuvantMaximumMonths, new PlausibleRange(1m, 60m, "months"), "adjuvantMaximumMonths");
        e.Require(r.AdjuvantMinimumMonths <= r.AdjuvantMaximumMonths, "adjuvantMaximumMonths",
            "The longest adjuvant course must not be shorter than the shortest.", "≥ adjuvantMinimumMonths");
        return e.Result(() => r);
    }
}
