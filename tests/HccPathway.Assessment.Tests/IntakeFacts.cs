using HccPathway.Contracts.Intake;

namespace HccPathway.Assessment.Tests;

/// <summary>The Intake events an enrolled pathway's stream starts with, as Intake writes them.</summary>
public static class IntakeFacts
{
    public static PatientRegistered Registered(Guid id, DateOnly referral) => new(
        id, new PatientIdentity("MRN-A", "Test Patient", new DateOnly(1960, 5, 1)), "male", referral, "City Hospital", DateTimeOffset.UtcNow);

    public static BaselineAssessed Baseline(Guid id, DateOnly on, decimal afp = 400m, decimal? dcp = 30m) => new(
        id,
        on,
        new BaselineMeasurements(
            AgeYears: 64, WeightKg: 70m, HeightCm: 175m, Ecog: 0, BilirubinMicromolesPerLitre: 15m, AlbuminGramsPerLitre: 40m, Inr: 1.1m,
            AfpNanogramsPerMillilitre: afp, DcpMilliUnitsPerMillilitre: dcp, AstUnitsPerLitre: 40m, AltUnitsPerLitre: 35m, Ascites: "none",
            EncephalopathyGrade: 0, IcgR15Percent: 8m, FutureLiverRemnantMillilitres: 500m, SevereCirrhosis: false, FattyLiver: false,
            PortalHypertension: false, TumourCount: 1, TumourDiametersMm: [80m], PvttChengType: "III", MainHepaticVeinThrombus: false,
            InferiorVenaCavaThrombus: false, OtherMacrovascularInvasion: false, PulmonaryNoduleCount: 0, LargestPulmonaryNoduleMm: null,
            ExtrahepaticLymphNodes: false, OtherExtrahepaticSites: false, Surgeon: new SurgeonResectability(true, false, false, false)),
        new BaselineScores(5, "A", -2.9, 1, 8.06, 3, "medium", "IIIa", 1.84, 1537.4, 0.325),
        "2025.1",
        DateTimeOffset.UtcNow);

    public static PatientEnrolled Enrolled(Guid id, DateOnly on) =>
        new(id, ["ELIG-2"], 70m, on, "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);

    public static PathwayExited Exited(Guid id, DateOnly on) =>
        new(id, PathwayExitReason.ConsentWithdrawn, on, "Withdrew consent to further treatment.", "dr-house", DateTimeOffset.UtcNow);
}
