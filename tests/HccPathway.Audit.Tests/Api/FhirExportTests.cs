using System.Net;
using HccPathway.Audit.Export;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Assessment;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Task = System.Threading.Tasks.Task;

namespace HccPathway.Audit.Tests.Api;

public sealed class FhirExportTests(AuditService service) : IClassFixture<AuditService>
{
    private static async Task<(Bundle Bundle, string Json)> Export(HttpClient client, Guid id, string query = "")
    {
        var response = await client.GetAsync($"/pathways/{id}/fhir{query}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ExportEndpoints.FhirJson, response.Content.Headers.ContentType?.MediaType);
        var json = await response.Content.ReadAsStringAsync();

        // Strict: unknown elements, wrong cardinalities or malformed primitives fail the parse.
        return (FhirJsonDeserializer.STRICT.Deserialize<Bundle>(json), json);
    }

    private static IEnumerable<T> All<T>(Bundle bundle) => bundle.Entry.Select(e => e.Resource).OfType<T>();

    [Fact]
    public async Task The_export_parses_back_as_a_bundle_with_patient_plan_drugs_procedures_observations_and_provenance()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story);

        var (bundle, _) = await Export(service.Auditor("auditor-7"), story.PathwayId);

        Assert.Equal(Bundle.BundleType.Collection, bundle.Type);
        Assert.Equal(story.PathwayId.ToString(), Assert.Single(All<Patient>(bundle)).Id);
        var plan = Assert.Single(All<CarePlan>(bundle));
        Assert.Equal(["CAM-1", "CAM-2", "LEN-1", "TACE-1"], plan.Activity.Select(a => a.Detail!.Description!.Split(' ')[0]).Order());
        Assert.Equal(2, All<MedicationAdministration>(bundle).Count());
        Assert.Equal(["hepatectomy", "tace"], All<Procedure>(bundle).Select(p => p.Code!.Coding[0].Code).Order());
        Assert.Equal("R0 resection", All<Procedure>(bundle).Single(p => p.Code!.Coding[0].Code == "hepatectomy").Outcome!.Text);

        var observations = All<Observation>(bundle).ToList();
        var loinc = observations.SelectMany(o => o.Code!.Coding).Where(c => c.System == FhirCodes.Loinc).Select(c => c.Code).ToHashSet();
        Assert.Superset(new HashSet<string?> { "1834-1", "1751-7", "1975-2", "6301-6", "34444-0", "89247-1" }, loinc);
        var mrecist = Assert.Single(observations, o => o.Code!.Coding[0].Code == "mrecist-response");
        Assert.Equal("PR", ((CodeableConcept)mrecist.Value!).Coding[0].Code);
        Assert.Equal(FhirCodes.LocalResponseCategory, ((CodeableConcept)mrecist.Value!).Coding[0].System);
        Assert.Contains(observations, o => o.Code!.Coding[0].Code == "icg-r15");
        Assert.Contains(All<CodeSystem>(bundle), c => c.Url == FhirCodes.LocalObservation);

        // Every resource made from an event says who recorded it and which event it came from.
        var provenanceTargets = All<Provenance>(bundle).SelectMany(p => p.Target).Select(t => t.Reference).ToHashSet();
        var derived = bundle.Entry.Where(e => e.Resource is Patient or CarePlan or MedicationAdministration or Procedure or Observation);
        Assert.All(derived, e => Assert.Contains(e.FullUrl, provenanceTargets));
        Assert.Contains(All<Provenance>(bundle), p => p.Agent[0].Who!.Display == "radiologist-1");
        Assert.Equal("auditor-7", Assert.Single(All<AuditEvent>(bundle)).Agent[0].Who!.Display);
    }

    [Fact]
    public async Task A_response_imaging_item_exports_as_a_plan_activity_with_its_own_code_and_parses_strictly()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story);
        await service.Append(id, "scheduling", false, new Contracts.Scheduling.TherapyItemPlanned(
            id, "IMG-1", Contracts.Scheduling.TherapyItemTypes.ResponseImaging, "", Contracts.Scheduling.TherapyPhases.Conversion, 1,
            Story.Day0.AddDays(42), null, "", "LEN-1", 42, "SCHED-IMG", "2026.1", DateTimeOffset.UtcNow));

        var (bundle, _) = await Export(service.Auditor("auditor-7"), id);

        var imaging = Assert.Single(Assert.Single(All<CarePlan>(bundle)).Activity, a => a.Detail!.Description!.StartsWith("IMG-1 ", StringComparison.Ordinal));
        Assert.Equal(("response-imaging", FhirCodes.LocalTherapy), (imaging.Detail!.Code!.Coding[0].Code, imaging.Detail.Code.Coding[0].System));
    }

    [Fact]
    public async Task A_booked_resection_item_rescheduled_and_cancelled_exports_as_a_cancelled_hepatectomy_activity_and_parses_strictly()
    {
        var story = new Story(Guid.NewGuid());
        var steps = story.Steps().ToList();
        var id = await service.Record(story, steps.FindIndex(s => s.Events[0] is Contracts.SurgeryPlanning.ResectionScheduled) + 1);
        var scheduled = story.ResectionScheduled();
        var on = scheduled.ScheduledOn;
        await service.Append(id, "scheduling", false, new Contracts.Scheduling.TherapyItemPlanned(
            id, "RES-1", Contracts.Scheduling.TherapyItemTypes.Resection, "", Contracts.Scheduling.TherapyPhases.Washout, 1,
            on, null, "surgery: right hepatectomy", null, null, "SURG-WASH", "2026.1", DateTimeOffset.UtcNow));
        await service.Append(id, "dr-house", false, new Contracts.SurgeryPlanning.ResectionRescheduled(
            id, scheduled.ResectionId, on, on.AddDays(7), "Theatre list moved.", scheduled.ReadinessVerdict, [], scheduled.Washout, false, null, "2026.1", "dr-house", DateTimeOffset.UtcNow));
        await service.Append(id, "scheduling", false, new Contracts.Scheduling.TherapyItemRescheduled(
            id, "RES-1", Contracts.Scheduling.TherapyItemTypes.Resection, "", on, on.AddDays(7), Contracts.Scheduling.RescheduleCauses.Rescheduled, null,
            "Theatre list moved.", "SURG-WASH", "2026.1", "scheduling", DateTimeOffset.UtcNow));
        await service.Append(id, "dr-house", false, new Contracts.SurgeryPlanning.ResectionCancelled(
            id, scheduled.ResectionId, on.AddDays(7), "Patient declined surgery.", "dr-house", DateTimeOffset.UtcNow));
        await service.Append(id, "scheduling", false, new Contracts.Scheduling.TherapyItemCancelled(
            id, "RES-1", Contracts.Scheduling.TherapyItemTypes.Resection, "", on.AddDays(7), "Resection cancelled: Patient declined surgery.", "SURG-WASH", "scheduling", DateTimeOffset.UtcNow));

        var (bundle, _) = await Export(service.Auditor("auditor-7"), id);

        var resection = Assert.Single(Assert.Single(All<CarePlan>(bundle)).Activity, a => a.Detail!.Description!.StartsWith("RES-1 ", StringComparison.Ordinal));
        Assert.Equal(("hepatectomy", FhirCodes.LocalTherapy), (resection.Detail!.Code!.Coding[0].Code, resection.Detail.Code.Coding[0].System));
        Assert.Equal(CarePlan.CarePlanActivityStatus.Cancelled, resection.Detail.Status);
        Assert.DoesNotContain(All<Procedure>(bundle), p => p.Code!.Coding[0].Code == "hepatectomy");
    }

    [Fact]
    public async Task The_patient_is_pseudonymised_unless_identity_is_asked_for_with_the_permission()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 3);

        var (pseudonymised, json) = await Export(service.Auditor(), story.PathwayId);
        var refused = await service.Auditor().GetAsync($"/pathways/{story.PathwayId}/fhir?identity=true");
        var (identified, _) = await Export(service.AuditorWithIdentityPermission(), story.PathwayId, "?identity=true");

        Assert.DoesNotContain("Grace Example", json);
        Assert.DoesNotContain("MRN-4242", json);
        var patient = Assert.Single(All<Patient>(pseudonymised));
        Assert.Empty(patient.Name);
        Assert.Null(patient.BirthDate);
        Assert.Equal("PSEUDED", patient.Meta!.Security[0].Code);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var named = Assert.Single(All<Patient>(identified));
        Assert.Equal("Grace Example", named.Name[0].Text);
        Assert.Equal("1961-07-02", named.BirthDate);
        Assert.Contains(named.Identifier, i => i.Value == "MRN-4242");
    }

    [Theory]
    [InlineData(int.MaxValue, false)]
    [InlineData(int.MaxValue, true)]
    [InlineData(12, false)]
    [InlineData(4, false)]
    public async Task The_export_at_every_stage_of_a_pathway_is_valid_fhir_r4(int steps, bool identity)
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps);

        var (bundle, _) = identity
            ? await Export(service.AuditorWithIdentityPermission(), story.PathwayId, "?identity=true")
            : await Export(service.Auditor(), story.PathwayId);

        Assert.Empty(FhirValidation.Errors(bundle));
    }

    [Fact]
    public async Task The_record_is_about_one_condition_that_the_plan_the_orders_and_the_doses_refer_to()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story);

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        var condition = Assert.Single(All<Condition>(bundle));
        var conditionUrl = bundle.Entry.Single(e => e.Resource is Condition).FullUrl;
        Assert.Equal("25370001", condition.Code!.Coding[0].Code);
        Assert.Equal("IIIa", condition.Stage[0].Summary!.Coding[0].Code);
        var stageUrl = condition.Stage[0].Assessment[0].Reference;
        var stage = Assert.IsType<Observation>(bundle.Entry.Single(e => e.FullUrl == stageUrl).Resource);
        Assert.Equal("IIIa", ((CodeableConcept)stage.Value!).Coding[0].Code);
        Assert.Equal(conditionUrl, stage.Focus[0].Reference);

        var plan = Assert.Single(All<CarePlan>(bundle));
        Assert.Equal(conditionUrl, plan.Addresses[0].Reference);
        var template = Assert.Single(All<PlanDefinition>(bundle));
        Assert.Equal($"{template.Url}|{Story.RuleSet}", plan.InstantiatesCanonical.Single());

        var orders = All<MedicationRequest>(bundle).ToList();
        Assert.Equal(["camrelizumab", "lenvatinib"], orders.Select(o => ((CodeableConcept)o.Medication!).Coding[0].Code).Order());
        Assert.All(orders, o => Assert.Equal(conditionUrl, o.ReasonReference[0].Reference));
        // The story ends after the resection: the conversion orders are complete.
        Assert.All(orders, o => Assert.Equal(MedicationRequest.MedicationrequestStatus.Completed, o.Status));
        var orderUrls = bundle.Entry.Where(e => e.Resource is MedicationRequest).Select(e => e.FullUrl).ToHashSet();
        Assert.All(All<MedicationAdministration>(bundle), given =>
        {
            Assert.Equal(conditionUrl, given.ReasonReference[0].Reference);
            Assert.Contains(given.Request!.Reference, orderUrls);
        });
    }

    [Fact]
    public async Task The_adverse_event_carries_its_worst_grade_and_its_outcome_and_the_disease_status_follows_mrecist()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story);

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        var adverse = Assert.Single(All<AdverseEvent>(bundle));
        Assert.Equal("severe", adverse.Severity!.Coding[0].Code);
        Assert.Equal("resolved", adverse.Outcome!.Coding[0].Code);
        Assert.Contains("Hepatitis", adverse.Event!.Text);
        Assert.Equal("camrelizumab", Assert.Single(adverse.SuspectEntity).Instance!.Display);
        var status = Assert.Single(All<Observation>(bundle), o => o.Code!.Coding[0].Code == "97509-4");
        Assert.Equal("268910001", ((CodeableConcept)status.Value!).Coding[0].Code); // PR under mRECIST: improved
    }

    [Fact]
    public async Task A_held_drug_has_its_order_on_hold_while_the_other_stays_active()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 12);

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        var status = All<MedicationRequest>(bundle).ToDictionary(o => ((CodeableConcept)o.Medication!).Coding[0].Code!, o => o.Status);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.OnHold, status["camrelizumab"]);
        Assert.Equal(MedicationRequest.MedicationrequestStatus.Active, status["lenvatinib"]);
        Assert.Equal("ongoing", Assert.Single(All<AdverseEvent>(bundle)).Outcome!.Coding[0].Code);
    }

    [Fact]
    public async Task An_adverse_event_entered_in_error_is_not_exported_as_one()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 11);
        await service.Append(story.PathwayId, "dr-house", false, new AdverseEventEnteredInError(
            story.PathwayId, story.AdverseEventId, Guid.NewGuid(), "Recorded on the wrong patient.", "dr-house", DateTimeOffset.UtcNow));

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        Assert.Empty(All<AdverseEvent>(bundle));
        Assert.Empty(FhirValidation.Errors(bundle));
    }

    [Fact]
    public void The_validator_finds_what_is_missing_even_inside_a_bundle()
    {
        // A check that cannot fail proves nothing: an Observation needs a status and a code.
        var broken = new Bundle
        {
            Type = Bundle.BundleType.Collection,
            Entry = [new Bundle.EntryComponent { FullUrl = "urn:uuid:" + Guid.NewGuid(), Resource = new Observation() }],
        };

        var errors = FhirValidation.Errors(broken);

        Assert.Contains(errors, e => e.Contains("status", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(errors, e => e.Contains("code", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_corrected_sample_is_exported_amended_with_its_new_value_and_a_provenance_saying_who_why_and_when()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 15);
        var recorded = story.Markers();
        var correctionId = Guid.NewGuid();
        var corrected = recorded with { Markers = [recorded.Markers[0] with { Value = 53m, ReportedValue = 53m }] };
        await service.Append(story.PathwayId, "coordinator-1", false, recorded);
        await service.Append(story.PathwayId, "lab-lead", false,
            new TumourMarkersCorrected(story.PathwayId, recorded.SampleId, correctionId, corrected, "Transcription error: 53, not 35.", "lab-lead", DateTimeOffset.UtcNow));

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        var afp = Assert.Single(All<Observation>(bundle), o => o.Code!.Coding[0].Code == "1834-1" && o.Effective is FhirDateTime { Value: var on } && on == recorded.SampledOn.ToString("yyyy-MM-dd"));
        Assert.Equal(ObservationStatus.Amended, afp.Status);
        Assert.Equal(53m, ((Quantity)afp.Value!).Value);
        var url = bundle.Entry.Single(e => ReferenceEquals(e.Resource, afp)).FullUrl;
        var amendment = Assert.Single(All<Provenance>(bundle), p => p.Target[0].Reference == url && p.Activity is not null);
        Assert.Equal("UPDATE", amendment.Activity!.Coding[0].Code);
        Assert.Equal("Transcription error: 53, not 35.", amendment.Reason[0].Text);
        Assert.Equal("lab-lead", amendment.Agent[0].Who!.Display);
        Assert.Empty(FhirValidation.Errors(bundle));
    }

    [Fact]
    public async Task A_study_entered_in_error_leaves_its_responses_and_disease_status_entered_in_error()
    {
        var story = new Story(Guid.NewGuid());
        await service.Record(story, steps: 16);
        var correctionId = Guid.NewGuid();
        await service.Append(story.PathwayId, "dr-rad", false,
            new ImagingStudyEnteredInError(story.PathwayId, story.FollowUpStudyId, correctionId, "Another patient's scan", "dr-rad", DateTimeOffset.UtcNow),
            new ResponseWithdrawn(story.PathwayId, story.FollowUpStudyId, Story.Day0.AddDays(60), correctionId, DateTimeOffset.UtcNow));

        var (bundle, _) = await Export(service.Auditor(), story.PathwayId);

        var judged = All<Observation>(bundle).Where(o => o.Code!.Coding[0].Code is "recist-1.1-response" or "mrecist-response" or "97509-4").ToList();
        Assert.Equal(3, judged.Count);
        Assert.All(judged, o => Assert.Equal(ObservationStatus.EnteredInError, o.Status));
        Assert.Contains(All<Provenance>(bundle), p => p.Activity?.Coding[0].Code == "NULLIFY" && p.Reason[0].Text!.Contains("Another patient's scan"));
        Assert.Empty(FhirValidation.Errors(bundle));
    }
}
