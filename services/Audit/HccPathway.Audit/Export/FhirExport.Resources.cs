using HccPathway.Audit.Replay;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using Hl7.Fhir.Model;

namespace HccPathway.Audit.Export;

public static partial class FhirExport
{
    private static IEnumerable<Resource> Resources(
        ExportedEvent e, IReadOnlyList<ExportedEvent> all, PathwayAsOf state, ResourceReference subject, ResourceReference condition) => e.Data switch
    {
        BaselineAssessed b => [.. BaselineLabs(e, b, subject), StageObservation(e, b, subject, condition)],
        LiverFunctionAssessed l => LiverFunctionLabs(e, l, subject),
        TumourMarkersRecorded m => m.Markers.Select(marker => MarkerObservation(e, marker, m.SampledOn, subject)),
        ResponseAssessed { IsBaseline: false } r =>
        [
            Response(e, FhirCodes.RecistResponse, r.Recist, r.StudyOn, subject),
            Response(e, FhirCodes.MrecistResponse, r.Mrecist, r.StudyOn, subject),
            DiseaseStatus(e, r, subject, condition),
        ],
        RegimenPlanned p when state.Regimen is { } regimen =>
            [LenTap(p), CarePlan(e, p, regimen, state, subject, condition), .. MedicationRequests(e, p, all, state, subject, condition)],
        LenvatinibStarted s => [Lenvatinib(e, s, all, subject, condition)],
        CamrelizumabAdministered c => [Camrelizumab(e, c, all, subject, condition)],
        AdverseEventReported a => AdverseEvent(e, a, all, subject),
        TacePerformed t => [Tace(e, t, subject)],
        ResectionPerformed r => [Resection(e, r, subject)],
        _ => [],
    };

    private static IEnumerable<Resource> BaselineLabs(ExportedEvent e, BaselineAssessed b, ResourceReference subject)
    {
        var m = b.Measurements;
        yield return Lab(e, "afp", FhirCodes.Afp, m.AfpNanogramsPerMillilitre, "ng/mL", b.AssessedOn, subject);
        yield return Lab(e, "albumin", FhirCodes.Albumin, m.AlbuminGramsPerLitre, "g/L", b.AssessedOn, subject);
        yield return Lab(e, "bilirubin", FhirCodes.Bilirubin, m.BilirubinMicromolesPerLitre, "umol/L", b.AssessedOn, subject);
        yield return Lab(e, "inr", FhirCodes.Inr, m.Inr, null, b.AssessedOn, subject);
        if (m.DcpMilliUnitsPerMillilitre is { } dcp)
        {
            yield return Lab(e, "dcp", FhirCodes.Dcp, dcp, "mAU/mL", b.AssessedOn, subject);
        }

        if (m.IcgR15Percent is { } icg)
        {
            yield return Lab(e, "icg-r15", FhirCodes.IcgR15, icg, "%", b.AssessedOn, subject);
        }

        yield return Ecog(e, m.Ecog, b.AssessedOn, subject);
    }

    private static IEnumerable<Resource> LiverFunctionLabs(ExportedEvent e, LiverFunctionAssessed l, ResourceReference subject)
    {
        if (l.ChildPugh is { } cp)
        {
            yield return Lab(e, "albumin", FhirCodes.Albumin, cp.AlbuminGramsPerLitre, "g/L", l.AssessedOn, subject);
            yield return Lab(e, "bilirubin", FhirCodes.Bilirubin, cp.BilirubinMicromolesPerLitre, "umol/L", l.AssessedOn, subject);
            yield return Lab(e, "inr", FhirCodes.Inr, cp.Inr, null, l.AssessedOn, subject);
        }

        if (l.IcgR15Percent is { } icg)
        {
            yield return Lab(e, "icg-r15", FhirCodes.IcgR15, icg, "%", l.AssessedOn, subject);
        }

        if (l.Ecog is { } ecog)
        {
            yield return Ecog(e, ecog, l.AssessedOn, subject);
        }
    }

    private static Observation MarkerObservation(ExportedEvent e, TumourMarkerValue marker, DateOnly sampledOn, ResourceReference subject) =>
        marker.Marker == TumourMarkers.Afp
            ? Lab(e, "afp", FhirCodes.Afp, marker.Value, marker.Unit, sampledOn, subject)
            : Lab(e, marker.Marker, marker.Marker == TumourMarkers.Dcp ? FhirCodes.Dcp : new CodeableConcept { Text = marker.Marker },
                marker.Value, marker.Unit, sampledOn, subject);

    private static Observation Lab(
        ExportedEvent e, string key, CodeableConcept code, decimal value, string? unit, DateOnly on, ResourceReference subject) =>
        Observation(e, key, "laboratory", code, on, subject, new Quantity
        {
            Value = value,
            Unit = unit,
            System = unit is "ng/mL" or "g/L" or "umol/L" or "%" ? FhirCodes.Ucum : null,
            Code = unit is "ng/mL" or "g/L" or "umol/L" or "%" ? unit : null,
        });

    private static Observation Ecog(ExportedEvent e, int ecog, DateOnly on, ResourceReference subject) =>
        Observation(e, "ecog", "survey", FhirCodes.Ecog, on, subject, new Integer(ecog));

    private static Observation Response(ExportedEvent e, CodeableConcept code, CriteriaResponse response, DateOnly on, ResourceReference subject)
    {
        var observation = Observation(e, response.Criteria, "imaging", code, on, subject,
            response.Category is { } category ? FhirCodes.ResponseCategory(category) : null);
        observation.Method = new CodeableConcept { Text = response.RuleId };
        observation.Note = [new Annotation { Text = new Markdown(response.Reason) }];
        return observation;
    }

    private static Observation Observation(
        ExportedEvent e, string key, string category, CodeableConcept code, DateOnly on, ResourceReference subject, DataType? value) => new()
    {
        Id = DerivedId(e.Row.Id, "observation/" + key),
        Status = ObservationStatus.Final,
        Category = [FhirCodes.Category(category)],
        Code = code,
        Subject = subject,
        Effective = Day(on),
        Value = value,
        DataAbsentReason = value is null ? new CodeableConcept("http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-performed") : null,
    };

    private static CarePlan CarePlan(
        ExportedEvent e, RegimenPlanned p, RegimenAsOf regimen, PathwayAsOf state, ResourceReference subject, ResourceReference condition) => new()
    {
        Id = DerivedId(e.Row.Id, "careplan"),
        InstantiatesCanonical = [FhirCodes.LenTapPlanDefinition + "|" + p.RuleSetVersion],
        Addresses = [condition],
        // A plan ends early when the MDT moves to second line or the patient leaves the pathway.
        Status = state.Phase == PathwayPhases.SecondLine || state.Exit is not null ? RequestStatus.Revoked : RequestStatus.Active,
        Intent = Hl7.Fhir.Model.CarePlan.CarePlanIntent.Plan,
        Title = "LEN-TAP conversion therapy (lenvatinib, TACE, camrelizumab)",
        Description = $"Planned by rule set {p.RuleSetVersion}: lenvatinib {p.LenvatinibDailyDoseMg} mg daily, camrelizumab {p.CamrelizumabDoseMg} mg.",
        Subject = subject,
        Period = new Period { Start = Day(p.StartOn).Value, End = state.Exit is { } exit ? Day(exit.ExitedOn).Value : null },
        Note = state.Exit is { } left ? [new Annotation { Text = $"Ended: the patient left the pathway on {Day(left.ExitedOn).Value} ({left.Reason})." }] : [],
        Activity = regimen.Items.Values.Select(item => new CarePlan.ActivityComponent
        {
            Detail = new CarePlan.DetailComponent
            {
                // A step that gives no drug (imaging, labs, MDT review, surveillance…) is coded by its type, the booked
                // resection as the procedure: an empty code would not be valid FHIR.
                Code = item.ItemType == TherapyItemTypes.ResponseImaging ? FhirCodes.ResponseImaging
                    : item.ItemType == TherapyItemTypes.Resection ? FhirCodes.Resection("Conversion hepatectomy")
                    : item.Drug.Length == 0 ? FhirCodes.Step(item.ItemType)
                    : item.Drug == Drugs.Tace ? FhirCodes.Tace : FhirCodes.Drug(item.Drug),
                Status = ActivityStatus(item, regimen),
                Description = $"{item.ItemId} ({item.ItemType}, {item.Phase})",
                Scheduled = new Period { Start = Day(item.DoneOn ?? item.DueOn).Value },
            },
        }).ToList(),
    };

    private static CarePlan.CarePlanActivityStatus ActivityStatus(TherapyItemAsOf item, RegimenAsOf regimen) => item.Status switch
    {
        TherapyItemStatuses.Done => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Completed,
        // A skipped dose (SCHED-SKIP) will not be given: for the care plan it is cancelled, like a cancelled one.
        TherapyItemStatuses.Cancelled or TherapyItemStatuses.Skipped => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Cancelled,
        TherapyItemStatuses.Missed or TherapyItemStatuses.Overdue => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.NotStarted,
        _ when regimen.HeldDrugs.Contains(item.Drug) => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.OnHold,
        _ => Hl7.Fhir.Model.CarePlan.CarePlanActivityStatus.Scheduled,
    };

    private static MedicationAdministration Lenvatinib(
        ExportedEvent e, LenvatinibStarted s, IReadOnlyList<ExportedEvent> all, ResourceReference subject, ResourceReference condition)
    {
        // Daily intake runs from the start to the next stop recorded after it (SCHED-LEN); open while none is.
        var stop = all.Where(x => x.Row.Version > e.Row.Version).Select(x => x.Data).OfType<LenvatinibStopped>().FirstOrDefault();
        return new MedicationAdministration
        {
            Id = DerivedId(e.Row.Id, "medication-administration"),
            Status = stop is null
                ? MedicationAdministration.MedicationAdministrationStatusCodes.InProgress
                : MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
            Medication = FhirCodes.Drug(Drugs.Lenvatinib),
            Subject = subject,
            ReasonReference = [condition],
            Request = RequestFor(Drugs.Lenvatinib, all),
            Effective = new Period { Start = Day(s.StartedOn).Value, End = stop is null ? null : Day(stop.LastDoseOn).Value },
            Dosage = new MedicationAdministration.DosageComponent
            {
                Text = $"{s.DailyDoseMg} mg once daily",
                Route = FhirCodes.OralRoute,
                Dose = Milligrams(s.DailyDoseMg),
            },
        };
    }

    private static MedicationAdministration Camrelizumab(
        ExportedEvent e, CamrelizumabAdministered c, IReadOnlyList<ExportedEvent> all, ResourceReference subject, ResourceReference condition) => new()
    {
        Id = DerivedId(e.Row.Id, "medication-administration"),
        Status = MedicationAdministration.MedicationAdministrationStatusCodes.Completed,
        Medication = FhirCodes.Drug(Drugs.Camrelizumab),
        Subject = subject,
        ReasonReference = [condition],
        Request = RequestFor(Drugs.Camrelizumab, all),
        Effective = Day(c.AdministeredOn),
        Dosage = new MedicationAdministration.DosageComponent
        {
            Text = $"dose {c.DoseNumber}: {c.DoseMg} mg",
            Route = FhirCodes.IntravenousRoute,
            Dose = Milligrams(c.DoseMg),
        },
    };

    private static Procedure Tace(ExportedEvent e, TacePerformed t, ResourceReference subject) => new()
    {
        Id = DerivedId(e.Row.Id, "procedure"),
        Status = EventStatus.Completed,
        Code = FhirCodes.Tace,
        Subject = subject,
        Performed = Day(t.PerformedOn),
        Note = [new Annotation { Text = new Markdown($"Session {t.SessionNumber} (item {t.ItemId}, planned {t.PlannedOn:yyyy-MM-dd})") }],
    };

    /// <summary>SURG-PATH: the margin is the outcome; the pathology travels as a note.</summary>
    private static Procedure Resection(ExportedEvent e, ResectionPerformed r, ResourceReference subject) => new()
    {
        Id = DerivedId(e.Row.Id, "procedure"),
        Status = EventStatus.Completed,
        Code = FhirCodes.Resection(r.Procedure),
        Subject = subject,
        Performed = Day(r.PerformedOn),
        Outcome = new CodeableConcept { Text = $"{r.Margin} resection" },
        Complication = r.Complications.Select(c => new CodeableConcept { Text = $"{c.Description} (Clavien–Dindo {c.ClavienDindoGrade})" }).ToList(),
        Note =
        [
            new Annotation
            {
                Text = new Markdown(
                    $"Viable tumour {r.Pathology.ViableTumourPercent} %; pCR {(r.Pathology.PathologicalCompleteResponse ? "yes" : "no")}; " +
                    $"MPR {(r.Pathology.MajorPathologicalResponse ? "yes" : "no")}"),
            },
        ],
    };

    private static Quantity Milligrams(decimal mg) => new() { Value = mg, Unit = "mg", System = FhirCodes.Ucum, Code = "mg" };

    private static FhirDateTime Day(DateOnly on) => new(on.Year, on.Month, on.Day);
}
