using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

/// <summary>Checklists built by recording contract messages, the way the consumers build them.</summary>
internal static class Patients
{
    public static readonly DateOnly Today = new(2027, 3, 1);
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Start = new(2026, 11, 1);

    /// <summary>Every SURG-READY criterion passes on <see cref="Today"/>: PR, R0 feasible, FLR 45 %, CP 6, ICG 12 %, ECOG 0, no EHD, no AE.</summary>
    public static PatientChecklist Ready()
    {
        var c = new PatientChecklist { Id = Guid.NewGuid() };
        c.TreatmentStartedOn = new Fact<DateOnly>(Start, Start, Guid.NewGuid(), Now.AddDays(-120));
        FactRecording.Record(c, Response(Today.AddDays(-10), ResponseCategories.PartialResponse), Guid.NewGuid());
        FactRecording.Record(c, LiverFunction(Today.AddDays(-5), childPugh: 6, icg: 12m, ecog: 0, flr: 0.45), Guid.NewGuid());
        OwnEvents.Apply(c, Feasibility(Today.AddDays(-3), r0: true));
        return c;
    }

    public static ResponseAssessed Response(DateOnly on, string mrecist, string extrahepatic = ExtrahepaticStatuses.None, string? recist = null) =>
        new(Guid.Empty, Guid.NewGuid(), on, ImagingModalities.Mri, false, Guid.NewGuid(), Start.AddDays(-7),
            new CriteriaResponse(ResponseCriteriaNames.Recist11, "RESP-RECIST", recist ?? mrecist, 50, 60, 50, -16, 0, "", recist ?? mrecist),
            new CriteriaResponse(ResponseCriteriaNames.Mrecist, "RESP-MRECIST", mrecist, 20, 60, 20, -60, 0, "", mrecist),
            [], extrahepatic, "2025.1", on.ToDateTime(TimeOnly.MinValue));

    public static LiverFunctionAssessed LiverFunction(
        DateOnly on, int? childPugh = null, decimal? icg = null, int? ecog = null, double? flr = null, bool? immuneHepatitisExcluded = null) =>
        new(Guid.Empty, Guid.NewGuid(), on,
            childPugh is { } cp ? new ChildPughResult(20, 40, 1.1m, "none", 0, cp, cp <= 6 ? "A" : "B") : null,
            icg, ecog, null, null, flr, null, null, immuneHepatitisExcluded, immuneHepatitisExcluded is null ? null : "AST/ALT normal",
            "2025.1", "dr-test", on.ToDateTime(TimeOnly.MinValue));

    public static SurgicalFeasibilityAssessed Feasibility(DateOnly on, bool r0, bool contraindication = false) =>
        new(Guid.Empty, Guid.NewGuid(), on, r0, contraindication, null, "dr-surgeon", on.ToDateTime(TimeOnly.MinValue));

    public static AdverseEventReported Ae(Guid id, DateOnly onset, int grade, bool related = true) =>
        new(Guid.Empty, id, "diarrhoea", grade, onset, related, ["lenvatinib"], onset.ToDateTime(TimeOnly.MinValue));

    public static AdverseEventResolved AeResolved(Guid id, DateOnly on) => new(Guid.Empty, id, 1, on, on.ToDateTime(TimeOnly.MinValue));

    public static SurgeryPathway Enrolled(Guid id) =>
        SurgeryPathway.Create(new PatientRegistered(id, new PatientIdentity("MRN", "Test", new DateOnly(1960, 1, 1)), "female", Start.AddDays(-30), "Centre", Now.AddDays(-150)))
            .Apply(new PatientEnrolled(id, ["ELIG-2"], 70, Start.AddDays(-3), "dr", "convert", Now.AddDays(-120)));
}
