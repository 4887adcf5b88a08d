using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using HccPathway.DemoData;
using HccPathway.ServiceDefaults.Security;
using Xunit.Abstractions;
using static HccPathway.Reliability.Tests.HostileCorpus;

namespace HccPathway.Reliability.Tests;

/// <summary>
/// Hundreds of bad requests across every endpoint: each is refused with 4xx problem details, none is a 500, and the
/// event store is byte-for-byte what it was before.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class HostileInputTests(ReliabilitySystem system, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_bad_request_is_refused_with_problem_details_and_the_event_store_is_unchanged()
    {
        var enrolled = await system.EnrolledPatient("MRN-HOSTILE");
        var registered = await system.Api(Roles.Clinician, "dr-hostile").Register(
            "MRN-HOSTILE-2", "Only Registered", new DateOnly(1970, 3, 3), "female", ReliabilitySystem.Today.AddDays(-5), "City Hospital");
        var endpoints = Endpoints.Of(system);
        var commands = endpoints.Where(e => e.IsCommand && !e.Anonymous).ToArray();

        var corpus = new List<HostileRequest>();
        corpus.AddRange(Structural(commands, enrolled.PathwayId));
        corpus.AddRange(WrongTypes(commands, enrolled.PathwayId, 150));
        var tace = ConversionJourney.Item(await enrolled.Therapy(), "tace", 1).GetProperty("itemId").GetString()!;
        corpus.AddRange(Clinical(enrolled, registered, tace));
        corpus.AddRange(Queries(enrolled.PathwayId));

        var before = await system.QuietFingerprint();
        var failures = new List<string>();
        var byKind = new Dictionary<string, int>();
        foreach (var bad in corpus)
        {
            var client = bad.Host.Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", TokenIssuer.Issue(new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey }, "hostile", [bad.Role], DateTimeOffset.UtcNow));
            using var message = bad.ToMessage();
            using var response = await client.SendAsync(message);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();

            // The FHIR API (subscriptions) refuses a resource as FHIR does, with an OperationOutcome; what the shared request
            // limits refuse before it (size, media type, NUL) is problem details there too.
            var explained = type == "application/problem+json"
                || (bad.Path.StartsWith("/fhir/", StringComparison.Ordinal) && type == "application/fhir+json"
                    && body.Contains("\"resourceType\":\"OperationOutcome\"", StringComparison.Ordinal)
                    && body.Contains("\"severity\":\"error\"", StringComparison.Ordinal));
            if (status is < 400 or > 499 || !explained)
            {
                failures.Add($"{status} {type}: {bad}\n    {Truncate(body)}");
            }

            byKind[bad.Kind.Split(' ')[0]] = byKind.GetValueOrDefault(bad.Kind.Split(' ')[0]) + 1;
        }

        var after = await system.QuietFingerprint();
        output.WriteLine($"{corpus.Count} bad requests over {commands.Length} commands and {endpoints.Count(e => !e.IsCommand)} reads " +
                         $"(seed {Seed}): {corpus.Count - failures.Count} refused with 4xx problem details (OperationOutcome on the FHIR API), {failures.Count} not.");
        output.WriteLine(string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value}")));
        output.WriteLine($"Event store before {before}, after {after}.");
        Assert.True(corpus.Count >= 200, $"Only {corpus.Count} bad requests.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Equal(before, after);
    }

    private IEnumerable<HostileRequest> Clinical(ConversionJourney enrolled, Guid registered, string tace)
    {
        var intake = system.All()[0];
        var scheduling = system.All()[1];
        var assessment = system.All()[2];
        var surgery = system.All()[3];
        var p = enrolled.PathwayId;
        var today = ReliabilitySystem.Today;
        const string C = Roles.Clinician;

        var register = new
        {
            medicalRecordNumber = "MRN-X", fullName = "Never Stored", dateOfBirth = new DateOnly(1960, 1, 1), sex = "male",
            referralDate = today.AddDays(-1), referringCentre = "City Hospital",
        };
        HostileRequest Register(string kind, string field, JsonNode? value) => new(kind, intake, C, "POST", "/pathways", With(register, field, value));
        yield return Register("impossible date: birth in the future", "dateOfBirth", today.AddYears(1).ToString("O"));
        yield return Register("impossible date: born 1800", "dateOfBirth", "1800-01-01");
        yield return Register("impossible date: year 1", "dateOfBirth", "0001-01-01");
        yield return Register("impossible date: referral year 9999", "referralDate", "9999-12-31");
        yield return Register("impossible date: referral before birth", "referralDate", "1959-12-31");
        yield return Register("missing field", "medicalRecordNumber", null);
        yield return Register("missing field", "fullName", "   ");
        yield return Register("oversized field", "fullName", new string('n', 201));
        foreach (var injection in Injections)
        {
            yield return Register("injection in a vocabulary field", "sex", injection);
        }

        var baseline = ClinicalBodies.Baseline(today.AddDays(-2));
        HostileRequest Baseline(string kind, string field, JsonNode? value) =>
            new(kind, intake, C, "POST", $"/pathways/{registered}/baseline", With(baseline, field, value));
        yield return Baseline("out of range: ECOG 7", "ecog", 7);
        yield return Baseline("out of range: ECOG -1", "ecog", -1);
        yield return Baseline("out of range: weight 0", "weightKg", 0);
        yield return Baseline("out of range: weight negative", "weightKg", -72);
        yield return Baseline("out of range: weight 10^27", "weightKg", 1e27m);
        yield return Baseline("out of range: height 10^27", "heightCm", 1e27m);
        yield return Baseline("out of range: bilirubin negative", "bilirubinMicromolesPerLitre", -15);
        yield return Baseline("out of range: bilirubin 10^27", "bilirubinMicromolesPerLitre", 1e27m);
        yield return Baseline("out of range: albumin 10^27", "albuminGramsPerLitre", 1e27m);
        yield return Baseline("out of range: INR 0", "inr", 0);
        yield return Baseline("out of range: INR 10^27", "inr", 1e27m);
        yield return Baseline("out of range: AFP negative", "afpNanogramsPerMillilitre", -1);
        yield return Baseline("out of range: AFP 10^28", "afpNanogramsPerMillilitre", 7.9e28m);
        yield return Baseline("out of range: encephalopathy grade 9", "encephalopathyGrade", 9);
        yield return Baseline("out of range: tumour count 0", "tumourCount", 0);
        yield return Baseline("out of range: tumour count int max", "tumourCount", int.MaxValue);
        yield return Baseline("out of range: tumour diameter negative", "tumourDiametersMm", new JsonArray(-80));
        yield return Baseline("out of range: tumour diameter 10^27", "tumourDiametersMm", new JsonArray(1e27m));
        yield return Baseline("out of range: pulmonary nodules negative", "pulmonaryNoduleCount", -3);
        yield return Baseline("out of range: FLR 10^27", "futureLiverRemnantMillilitres", 1e27m);
        yield return Baseline("out of range: ICG 10^27", "icgR15Percent", 1e27m);
        yield return Baseline("impossible date: assessed in the future", "assessedOn", today.AddDays(30).ToString("O"));
        yield return Baseline("impossible date: assessed year 1", "assessedOn", "0001-01-01");
        yield return Baseline("impossible date: assessed year 9999", "assessedOn", "9999-12-31");
        yield return Baseline("injection in a vocabulary field", "ascites", Injections[0]);
        yield return Baseline("injection in a vocabulary field", "pvttChengType", Injections[2]);

        // Out of order: the registered patient has no baseline; the enrolled one is past intake.
        yield return new("out of order: eligibility before baseline", intake, C, "POST", $"/pathways/{registered}/eligibility", null);
        yield return new("out of order: enrol before eligibility", intake, C, "POST", $"/pathways/{registered}/enrolment",
            Json(new { enrolledOn = today, rationale = "x" }));
        yield return new("out of order: baseline after enrolment", intake, C, "POST", $"/pathways/{p}/baseline", Json(baseline));
        yield return new("out of order: enrol twice", intake, C, "POST", $"/pathways/{p}/enrolment", Json(new { enrolledOn = today, rationale = "again" }));
        yield return new("out of order: decline after enrolment", intake, C, "POST", $"/pathways/{p}/enrolment-declined", Json(new { reason = "changed mind" }));
        yield return new("impossible date: enrolment year 9999", intake, C, "POST", $"/pathways/{registered}/enrolment",
            Json(new { enrolledOn = "9999-12-31", rationale = "x" }));

        var therapy = $"/pathways/{p}/therapy";
        yield return new("out of order: camrelizumab before TACE", scheduling, C, "POST", $"{therapy}/camrelizumab", Json(new { administeredOn = today }));
        yield return new("out of order: stop lenvatinib before start", scheduling, C, "POST", $"{therapy}/lenvatinib/stop",
            Json(new { lastDoseOn = today, reason = "x" }));
        yield return new("out of order: resume a drug not held", scheduling, C, "POST", $"{therapy}/holds/camrelizumab/resume",
            Json(new { resumedOn = today, reason = "x" }));
        yield return new("out of order: dose change before start", scheduling, C, "POST", $"{therapy}/lenvatinib/dose",
            Json(new { effectiveOn = today, dailyDoseMg = 8, reason = "x" }));
        yield return new("out of range: lenvatinib dose negative", scheduling, C, "POST", $"{therapy}/lenvatinib/start",
            Json(new { startedOn = enrolled.EnrolledOn.AddDays(1), dailyDoseMg = -8, doseReason = "x" }));
        yield return new("out of range: lenvatinib dose 10^27", scheduling, C, "POST", $"{therapy}/lenvatinib/start",
            Json(new { startedOn = enrolled.EnrolledOn.AddDays(1), dailyDoseMg = 1e27m, doseReason = "x" }));
        yield return new("impossible date: lenvatinib start year 9999", scheduling, C, "POST", $"{therapy}/lenvatinib/start",
            Json(new { startedOn = "9999-12-31" }));
        yield return new("impossible date: lenvatinib start year 1", scheduling, C, "POST", $"{therapy}/lenvatinib/start",
            Json(new { startedOn = "0001-01-01" }));
        yield return new("impossible date: start date year 9999", scheduling, C, "POST", $"{therapy}/start-date",
            Json(new { startOn = "9999-12-31", reason = "x" }));
        yield return new("impossible date: start date year 1", scheduling, C, "POST", $"{therapy}/start-date",
            Json(new { startOn = "0001-01-01", reason = "x" }));
        yield return new("impossible date: delay to year 9999", scheduling, C, "POST", $"{therapy}/items/{tace}/delay",
            Json(new { dueOn = "9999-12-31", reason = "x" }));
        yield return new("impossible date: delay by centuries", scheduling, C, "POST", $"{therapy}/items/{tace}/delay",
            Json(new { dueOn = "2999-01-01", reason = "x" }));
        yield return new("missing field: delay without reason", scheduling, C, "POST", $"{therapy}/items/{tace}/delay",
            Json(new { dueOn = today.AddDays(30) }));
        yield return new("out of order: missed TACE before it is due", scheduling, C, "POST", $"{therapy}/items/{tace}/missed", Json(new { reason = "" }));
        yield return new("out of range: TACE session -1", scheduling, C, "POST", $"{therapy}/tace", Json(new { performedOn = today, sessionNumber = -1 }));
        yield return new("impossible date: TACE year 1", scheduling, C, "POST", $"{therapy}/tace", Json(new { performedOn = "0001-01-01" }));
        foreach (var injection in Injections)
        {
            yield return new("injection in a route value", scheduling, C, "POST", $"{therapy}/holds/{Uri.EscapeDataString(injection)}/resume",
                Json(new { resumedOn = today, reason = "x" }));
            yield return new("injection in a route value", scheduling, C, "POST", $"{therapy}/items/{Uri.EscapeDataString(injection)}/missed",
                Json(new { reason = "x" }));
        }

        var markers = new { sampledOn = today.AddDays(-1), afp = new { value = 5m, unit = "ng/mL" }, dcp = new { value = 20m, unit = "mAU/mL" } };
        HostileRequest Markers(string kind, string field, JsonNode? value) =>
            new(kind, assessment, C, "POST", $"/pathways/{p}/tumour-markers", With(markers, field, value));
        yield return Markers("out of range: AFP negative", "afp", new JsonObject { ["value"] = -5, ["unit"] = "ng/mL" });
        yield return Markers("out of range: AFP 10^28", "afp", new JsonObject { ["value"] = 7.9e28m, ["unit"] = "ng/mL" });
        yield return Markers("injection in a unit", "afp", new JsonObject { ["value"] = 5, ["unit"] = Injections[0] });
        yield return Markers("impossible date: sampled year 9999", "sampledOn", "9999-12-31");
        yield return Markers("impossible date: sampled year 1", "sampledOn", "0001-01-01");

        var study = JsonNode.Parse(Json(ClinicalBodies.FollowUp(today.AddDays(-1), 60m, 30m)))!.AsObject();
        JsonObject Lesion(JsonNode? diameter) => new()
        {
            ["lesionId"] = "L1", ["organ"] = "liver", ["isLymphNode"] = false, ["diameterMm"] = diameter, ["viableDiameterMm"] = 10,
        };
        HostileRequest Imaging(string kind, string field, JsonNode? value) =>
            new(kind, assessment, C, "POST", $"/pathways/{p}/imaging", With(study, field, value));
        yield return Imaging("out of range: lesion diameter negative", "targetLesions", new JsonArray(Lesion(-60)));
        yield return Imaging("out of range: lesion diameter 10^27", "targetLesions", new JsonArray(Lesion(1e27m)));
        yield return Imaging("injection in a vocabulary field", "modality", Injections[0]);
        yield return Imaging("impossible date: study year 9999", "studyOn", "9999-12-31");

        var liver = ClinicalBodies.PreoperativeLiverFunction(today.AddDays(-1));
        HostileRequest Liver(string kind, string field, JsonNode? value) =>
            new(kind, assessment, C, "POST", $"/pathways/{p}/liver-function", With(liver, field, value));
        yield return Liver("out of range: ECOG 9", "ecog", 9);
        yield return Liver("out of range: bilirubin 10^27", "bilirubinMicromolesPerLitre", 1e27m);
        yield return Liver("out of range: weight 0", "weightKg", 0);
        yield return Liver("impossible date: assessed year 1", "assessedOn", "0001-01-01");

        var ae = new
        {
            adverseEventId = Guid.NewGuid(), ctcaeTerm = "Hypertension", grade = 2, onsetOn = today.AddDays(-1), treatmentRelated = true,
            suspectedDrugs = new[] { "lenvatinib" },
        };
        HostileRequest Ae(string kind, string field, JsonNode? value) => new(kind, assessment, C, "POST", $"/pathways/{p}/adverse-events", With(ae, field, value));
        yield return Ae("out of range: grade 9", "grade", 9);
        yield return Ae("out of range: grade 0", "grade", 0);
        yield return Ae("impossible date: onset year 9999", "onsetOn", "9999-12-31");
        yield return Ae("injection in a drug name", "suspectedDrugs", new JsonArray(Injections[0]));
        yield return new("unknown id: grade an unknown adverse event", assessment, C, "POST", $"/pathways/{p}/adverse-events/{Guid.NewGuid()}/grade",
            Json(new { grade = 3, gradedOn = today }));
        yield return new("unknown id: resolve an unknown adverse event", assessment, C, "POST", $"/pathways/{p}/adverse-events/{Guid.NewGuid()}/resolution",
            Json(new { residualGrade = 1, resolvedOn = today }));

        yield return new("out of order: resection before MDT", surgery, C, "POST", $"/pathways/{p}/resection",
            Json(new { scheduledOn = today, procedure = "right hepatectomy" }));
        yield return new("out of order: outcome before resection", surgery, C, "POST", $"/pathways/{p}/resection/outcome",
            Json(new { performedOn = today, procedure = "right hepatectomy", margin = "R0", marginWidthMm = 12, viableTumourPercent = 0 }));
        yield return new("out of order: adjuvant before resection", surgery, C, "POST", $"/pathways/{p}/adjuvant",
            Json(new { durationMonths = 6, rationale = "x" }));
        yield return new("injection in a vocabulary field", surgery, C, "POST", $"/pathways/{p}/mdt-decisions",
            Json(new { outcome = Injections[0], rationale = "x", attendees = new[] { "a" }, decidedOn = today, highSurgicalRisk = false }));
        yield return new("impossible date: MDT year 9999", surgery, C, "POST", $"/pathways/{p}/mdt-decisions",
            Json(new { outcome = "convert-more", rationale = "x", attendees = new[] { "a" }, decidedOn = "9999-12-31", highSurgicalRisk = false }));
        yield return new("impossible date: MDT year 1", surgery, C, "POST", $"/pathways/{p}/mdt-decisions",
            Json(new { outcome = "convert-more", rationale = "x", attendees = new[] { "a" }, decidedOn = "0001-01-01", highSurgicalRisk = false }));
        yield return new("impossible date: feasibility year 9999", surgery, C, "POST", $"/pathways/{p}/surgical-feasibility",
            Json(new { assessedOn = "9999-12-31", r0ResectionFeasible = true, otherContraindication = false }));
        yield return new("impossible date: feasibility year 1", surgery, C, "POST", $"/pathways/{p}/surgical-feasibility",
            Json(new { assessedOn = "0001-01-01", r0ResectionFeasible = true, otherContraindication = false }));
    }

    private IEnumerable<HostileRequest> Queries(Guid p)
    {
        var intake = system.All()[0];
        var scheduling = system.All()[1];
        var surgery = system.All()[3];
        var audit = system.All()[4];
        const string C = Roles.Clinician;
        const string A = Roles.Auditor;
        yield return new("bad query: page not a number", intake, C, "GET", "/pathways?page=abc", null);
        yield return new("bad query: page size overflows", intake, C, "GET", "/pathways?pageSize=99999999999", null);
        yield return new("bad query: unknown phase", intake, C, "GET", $"/pathways?phase={Uri.EscapeDataString(Injections[0])}", null);
        yield return new("bad query: worklist date", scheduling, C, "GET", "/worklist?from=2024-13-01", null);
        yield return new("bad query: worklist range reversed", scheduling, C, "GET", "/worklist?from=2024-05-01&to=2024-04-01", null);
        yield return new("bad query: worklist range of centuries", scheduling, C, "GET", "/worklist?from=0001-01-01&to=9999-12-31", null);
        yield return new("bad query: worklist from year 10000", scheduling, C, "GET", "/worklist?from=10000-01-01", null);
        yield return new("bad query: worklist limit 0", scheduling, C, "GET", "/worklist?limit=0", null);
        yield return new("bad query: worklist status injection", scheduling, C, "GET", $"/worklist?status={Uri.EscapeDataString(Injections[0])}", null);
        yield return new("bad query: worklist feed limit", scheduling, C, "GET", "/worklist.ics?limit=abc", null);
        yield return new("bad query: calendar asOf", scheduling, C, "GET", $"/pathways/{p}/therapy?asOf=yesterday", null);
        yield return new("bad query: benchmark date", surgery, C, "GET", "/benchmark?enrolledFrom=2024-02-30", null);
        yield return new("unknown id: readiness", surgery, C, "GET", $"/pathways/{Guid.NewGuid()}/readiness", null);
        yield return new("unknown id: therapy", scheduling, C, "GET", $"/pathways/{Guid.NewGuid()}/therapy", null);
        yield return new("bad query: state asOf", audit, A, "GET", $"/pathways/{p}/state?asOf=not-a-time", null);
        yield return new("bad query: state version", audit, A, "GET", $"/pathways/{p}/state?version=-5", null);
        yield return new("bad query: reads page", audit, A, "GET", "/reads?page=abc", null);
        yield return new("bad query: history injection", audit, A, "GET", $"/pathways/{p}/history?from={Uri.EscapeDataString(Injections[1])}", null);
        yield return new("unknown id: verification", audit, A, "GET", $"/pathways/{Guid.NewGuid()}/verification", null);
    }

    private static string Truncate(string text) => text.Length > 300 ? text[..300] + "…" : text;
}
