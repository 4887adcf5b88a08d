using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Eligibility;

/// <summary>Baseline assessments for tests: valid by default, changed with <c>with</c>.</summary>
internal static class Baselines
{
    /// <summary>
    /// An ELIG-1 patient on the FLR-growth route: single 60 mm tumour (CNLC Ib), unresectable for insufficient FLR,
    /// 55 years, Child–Pugh A (5), ICG-R15 8 %, 170 cm / 70 kg, FLR 500 mL.
    /// BSA = √(170 × 70 / 3600) = 1.81812; SLV (Vauthey) = −794.41 + 1267.28 × 1.81812 = 1509.66 mL;
    /// FLR/SLV = 500 / 1509.66 = 33.1 % (&lt; 40 %: insufficient).
    /// </summary>
    public static BaselineAssessment FlrRoute() => new()
    {
        AssessedOn = new DateOnly(2025, 3, 3),
        EvidenceEventId = "evt-baseline-1",
        Bilirubin = Bilirubin.FromMicromolesPerLitre(15m),
        Albumin = Albumin.FromGramsPerLitre(42m),
        Inr = Inr.FromRatio(1.1m),
        Afp = AfpNgPerMl.FromNanogramsPerMillilitre(850m),
        Dcp = DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(300m),
        Ast = AminotransferaseUnitsPerLitre.FromUnitsPerLitre(40m),
        Alt = AminotransferaseUnitsPerLitre.FromUnitsPerLitre(35m),
        Ascites = Ascites.None,
        EncephalopathyGrade = 0,
        Ecog = 0,
        Weight = WeightKg.FromKilograms(70m),
        Height = HeightCm.FromCentimetres(170m),
        AgeYears = 55,
        TumourCount = 1,
        TumourDiameters = [LengthMm.FromMillimetres(60m)],
        IcgR15 = IcgR15Percent.FromPercent(8m),
        FutureLiverRemnantVolume = VolumeMl.FromMillilitres(500m),
        Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.InsufficientFutureLiverRemnant),
    };

    /// <summary>An ELIG-2 patient: single 45 mm tumour with PVTT Cheng III (CNLC IIIa), technically resectable.</summary>
    public static BaselineAssessment ResectableWithMainPortalThrombus() => FlrRoute() with
    {
        TumourDiameters = [LengthMm.FromMillimetres(45m)],
        Pvtt = Clinical.Staging.PvttType.ChengIII,
        Resectability = ResectabilityAssessment.TechnicallyResectable,
    };

    /// <summary>An ELIG-3 patient: CNLC IIIb with 3 lung nodules, largest 12 mm; unresectable for tumour position.</summary>
    public static BaselineAssessment LungOligometastasis() => FlrRoute() with
    {
        PulmonaryNoduleCount = 3,
        LargestPulmonaryNodule = LengthMm.FromMillimetres(12m),
        Resectability = ResectabilityAssessment.Unresectable(UnresectableReasons.TumourAdjacentToMajorDuctsOrVessels),
    };
}
