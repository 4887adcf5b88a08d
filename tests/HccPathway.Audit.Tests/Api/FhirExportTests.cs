using System.Net;
using HccPathway.Audit.Export;
using HccPathway.Audit.Tests.Support;
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
}
