using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways.RecordingBaseline;

namespace HccPathway.Intake.Tests;

/// <summary>Baseline requests for recognisable patients.</summary>
public static class Baselines
{
    /// <summary>
    /// ELIG-2: a single 80 mm tumour with Cheng type III PVTT (CNLC IIIa, STAGE-PVTT), Child–Pugh A (5 points: bilirubin
    /// 15 &lt; 34, albumin 42 &gt; 35, INR 1.0 &lt; 1.7, no ascites, no encephalopathy), ECOG 0, technically resectable.
    /// </summary>
    public static RecordBaselineRequest ResectableWithPvtt(DateOnly assessedOn) => new(
        AssessedOn: assessedOn,
        WeightKg: 72m,
        HeightCm: 170m,
        Ecog: 0,
        BilirubinMicromolesPerLitre: 15m,
        AlbuminGramsPerLitre: 42m,
        Inr: 1.0m,
        AfpNanogramsPerMillilitre: 1200m,
        DcpMilliUnitsPerMillilitre: 900m,
        AstUnitsPerLitre: 40m,
        AltUnitsPerLitre: 35m,
        Ascites: "none",
        EncephalopathyGrade: 0,
        IcgR15Percent: 6m,
        FutureLiverRemnantMillilitres: 650m,
        SevereCirrhosis: false,
        FattyLiver: false,
        PortalHypertension: false,
        TumourCount: 1,
        TumourDiametersMm: [80m],
        PvttChengType: "III",
        MainHepaticVeinThrombus: false,
        InferiorVenaCavaThrombus: false,
        OtherMacrovascularInvasion: false,
        PulmonaryNoduleCount: 0,
        LargestPulmonaryNoduleMm: null,
        ExtrahepaticLymphNodes: false,
        OtherExtrahepaticSites: false,
        Surgeon: new SurgeonResectability(true, false, false, false));

    /// <summary>ELIG-X: the same tumour in a patient with ECOG 3 is CNLC IV, which no group admits.</summary>
    public static RecordBaselineRequest PoorPerformanceStatus(DateOnly assessedOn) =>
        ResectableWithPvtt(assessedOn) with { Ecog = 3 };
}
