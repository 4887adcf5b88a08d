using HccPathway.Audit.Replay;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

public static partial class FhirExport
{
    /// <summary>The LEN-TAP template the care plan instantiates (SCHED-LEN, SCHED-TACE, SCHED-CAM, SCHED-CYCLES).</summary>
    private static PlanDefinition LenTap(RegimenPlanned p) => new()
    {
        Id = DerivedId(Guid.Empty, "plan-definition/len-tap/" + p.RuleSetVersion),
        Url = FhirCodes.LenTapPlanDefinition,
        Version = p.RuleSetVersion,
        Name = "LenTap",
        Title = "LEN-TAP conversion therapy (lenvatinib, TACE, camrelizumab)",
        Status = PublicationStatus.Active,
        Type = new CodeableConcept("http://terminology.hl7.org/CodeSystem/plan-definition-type", "clinical-protocol"),
        Action =
        [
            new PlanDefinition.ActionComponent
            {
                ElementId = "lenvatinib", Title = "Lenvatinib, orally once daily from day 0 (SCHED-LEN)", Code = [FhirCodes.Drug(Drugs.Lenvatinib)],
            },
            new PlanDefinition.ActionComponent
            {
                ElementId = "tace", Title = "TACE two weeks after lenvatinib starts, repeated on demand (SCHED-TACE, SCHED-TACE-REPEAT)", Code = [FhirCodes.Tace],
                RelatedAction = [After("lenvatinib", 14)],
            },
            new PlanDefinition.ActionComponent
            {
                ElementId = "camrelizumab", Title = "Camrelizumab IV two weeks after TACE, then every 3 weeks until a decision stops it (SCHED-CAM, SCHED-CYCLES)",
                Code = [FhirCodes.Drug(Drugs.Camrelizumab)],
                RelatedAction = [After("tace", 14)],
            },
        ],
    };

    private static PlanDefinition.RelatedActionComponent After(string action, int days) => new()
    {
        ActionId = action,
        Relationship = ActionRelationshipType.AfterStart,
        Offset = new Duration { Value = days, Unit = "d", System = FhirCodes.Ucum, Code = "d" },
    };

    /// <summary>
    /// The two conversion drug orders of the plan, each for the condition (mCODE: a cancer medication has a reason).
    /// The adjuvant course (SURG-ADJ) is not exported as orders of its own.
    /// </summary>
    private static IEnumerable<Resource> MedicationRequests(
        ExportedEvent e, RegimenPlanned p, IReadOnlyList<ExportedEvent> all, PathwayAsOf state, ResourceReference subject, ResourceReference condition)
    {
        // Conversion ends early with second line or an exit (stopped), or as planned with the resection (completed).
        var ended = state.Phase == PathwayPhases.SecondLine || state.Exit is not null;
        var resected = all.Any(x => x.Data is ResectionPerformed);
        var lenvatinibStopped = resected || all.Any(x => x.Row.Version > e.Row.Version && x.Data is LenvatinibStopped);
        yield return DrugOrder(e, Drugs.Lenvatinib, p, subject, condition,
            ended ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Stopped
            : lenvatinibStopped ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Completed
            : Status(Drugs.Lenvatinib, state),
            new Dosage
            {
                Text = $"{p.LenvatinibDailyDoseMg} mg orally once daily (SCHED-LEN)",
                Route = FhirCodes.OralRoute,
                Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = 1, Period = 1, PeriodUnit = Timing.UnitsOfTime.D } },
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Milligrams(p.LenvatinibDailyDoseMg) }],
            });
        yield return DrugOrder(e, Drugs.Camrelizumab, p, subject, condition,
            ended ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Stopped
            : resected ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Completed
            : Status(Drugs.Camrelizumab, state),
            new Dosage
            {
                Text = $"{p.CamrelizumabDoseMg} mg IV every 3 weeks (SCHED-CAM)",
                Route = FhirCodes.IntravenousRoute,
                Timing = new Timing { Repeat = new Timing.RepeatComponent { Frequency = 1, Period = 3, PeriodUnit = Timing.UnitsOfTime.Wk } },
                DoseAndRate = [new Dosage.DoseAndRateComponent { Dose = Milligrams(p.CamrelizumabDoseMg) }],
            });
    }

    private static Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus Status(string drug, PathwayAsOf state) =>
        state.Regimen?.HeldDrugs.Contains(drug) == true
            ? Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.OnHold
            : Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus.Active;

    private static MedicationRequest DrugOrder(
        ExportedEvent e, string drug, RegimenPlanned p, ResourceReference subject, ResourceReference condition,
        Hl7.Fhir.Model.MedicationRequest.MedicationrequestStatus status, Dosage dosage) => new()
    {
        Id = MedicationRequestId(e, drug),
        Status = status,
        Intent = Hl7.Fhir.Model.MedicationRequest.MedicationRequestIntent.Order,
        Medication = FhirCodes.Drug(drug),
        Subject = subject,
        AuthoredOn = p.PlannedAt.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        ReasonReference = [condition],
        InstantiatesCanonical = [FhirCodes.LenTapPlanDefinition + "|" + p.RuleSetVersion],
        DosageInstruction = [dosage],
    };

    private static string MedicationRequestId(ExportedEvent planned, string drug) => DerivedId(planned.Row.Id, "medication-request/" + drug);

    /// <summary>The order a dose was given under: the drug's request of the plan the pathway follows.</summary>
    private static ResourceReference? RequestFor(string drug, IReadOnlyList<ExportedEvent> all) =>
        all.FirstOrDefault(x => x.Data is RegimenPlanned) is { } planned
            ? new ResourceReference($"urn:uuid:{MedicationRequestId(planned, drug)}")
            : null;
}
