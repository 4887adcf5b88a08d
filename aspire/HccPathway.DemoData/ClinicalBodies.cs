namespace HccPathway.DemoData;

/// <summary>Request bodies for recognisable clinical situations (field names as the services' request records).</summary>
public static class ClinicalBodies
{
    /// <summary>
    /// ELIG-2: a single 80 mm tumour with Cheng type III PVTT (CNLC IIIa), Child–Pugh A5, ECOG 0, technically resectable,
    /// FLR 650 mL (above 40% of the standard liver volume), ICG-R15 6%. With <paramref name="ecog"/> 3 it is CNLC IV (ELIG-X).
    /// </summary>
    public static object Baseline(DateOnly assessedOn, int ecog = 0, decimal afp = 1200m, decimal weightKg = 72m) => new
    {
        assessedOn, weightKg, heightCm = 170m, ecog, bilirubinMicromolesPerLitre = 15m, albuminGramsPerLitre = 42m, inr = 1.0m,
        afpNanogramsPerMillilitre = afp, dcpMilliUnitsPerMillilitre = 900m, astUnitsPerLitre = 40m, altUnitsPerLitre = 35m,
        ascites = "none", encephalopathyGrade = 0, icgR15Percent = 6m, futureLiverRemnantMillilitres = 650m, severeCirrhosis = false,
        fattyLiver = false, portalHypertension = false, tumourCount = 1, tumourDiametersMm = new[] { 80m }, pvttChengType = "III",
        mainHepaticVeinThrombus = false, inferiorVenaCavaThrombus = false, otherMacrovascularInvasion = false, pulmonaryNoduleCount = 0,
        largestPulmonaryNoduleMm = (decimal?)null, extrahepaticLymphNodes = false, otherExtrahepaticSites = false,
        surgeon = new { technicallyResectable = true, intolerableLiverFunction = false, insufficientFutureLiverRemnant = false, tumourAdjacentToMajorStructures = false },
    };

    /// <summary>The imaging baseline: target L1 in the liver, 80 mm, fully enhancing; PVTT as non-target disease.</summary>
    public static object BaselineStudy(DateOnly studyOn) => Study(studyOn, "ct", true, 80m, 80m, "present", "none");

    /// <summary>
    /// A follow-up of L1. 60/30 mm: −25% overall (RECIST SD) and −62.5% viable (mRECIST PR). Viable 0: mRECIST CR.
    /// </summary>
    public static object FollowUp(DateOnly studyOn, decimal diameterMm, decimal viableMm, string modality = "ct", string nonTarget = "present",
        string extrahepatic = "none", params object[] newLesions) =>
        Study(studyOn, modality, false, diameterMm, viableMm, nonTarget, extrahepatic, newLesions);

    /// <summary>A new lesion outside the liver (RESP-PROG).</summary>
    public static object NewExtrahepaticLesion(string lesionId, string organ = "lung", decimal diameterMm = 15m) =>
        new { lesionId, site = "extrahepatic", organ, diameterMm };

    /// <summary>Liver function before surgery, with immune hepatitis excluded (SURG-WASH, camrelizumab).</summary>
    public static object PreoperativeLiverFunction(DateOnly assessedOn, decimal weightKg = 72m) => new
    {
        assessedOn, bilirubinMicromolesPerLitre = 14m, albuminGramsPerLitre = 41m, inr = 1.0m, ascites = "none", encephalopathyGrade = 0,
        icgR15Percent = 7m, ecog = 0, futureLiverRemnantMillilitres = 640m, weightKg, astUnitsPerLitre = 32m, altUnitsPerLitre = 30m,
        immuneHepatitisExcluded = true, immuneHepatitisEvidence = "AST/ALT normal; no hepatitis on biopsy.",
    };

    /// <summary>Tumour markers back to normal (RESP-CCR (2)).</summary>
    public static object NormalMarkers(DateOnly sampledOn) => new
    {
        sampledOn, afp = new { value = 5m, unit = "ng/mL" }, dcp = new { value = 20m, unit = "mAU/mL" },
    };

    private static object Study(DateOnly studyOn, string modality, bool isBaseline, decimal diameterMm, decimal viableMm, string nonTarget,
        string extrahepatic, params object[] newLesions) => new
    {
        studyOn, modality, isBaseline,
        targetLesions = new[] { new { lesionId = "L1", organ = "liver", isLymphNode = false, diameterMm, viableDiameterMm = viableMm } },
        nonTargetStatus = nonTarget, newLesions, extrahepaticStatus = extrahepatic,
    };
}
