using System.Net.Http.Json;
using System.Text.Json;

namespace HccPathway.DemoData;

/// <summary>A request a service refused: the status and the problem details it returned.</summary>
public sealed class PathwayApiException(string call, int status, string body)
    : Exception($"{call} returned {status}: {body}")
{
    public int Status => status;

    public string Body => body;
}

/// <summary>
/// The four services' public HTTP APIs as a clinician's client calls them (the clinician role may record and decide).
/// Bodies are plain JSON objects named as the services' request records are, so this client needs no service assembly.
/// </summary>
public sealed class PathwayClient(HttpClient intake, HttpClient scheduling, HttpClient assessment, HttpClient surgery)
{
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    public HttpClient Intake => intake;

    public HttpClient Scheduling => scheduling;

    public HttpClient Assessment => assessment;

    public HttpClient Surgery => surgery;

    // Intake
    public async Task<Guid> Register(string mrn, string fullName, DateOnly dateOfBirth, string sex, DateOnly referralDate, string centre)
    {
        var body = await Post(intake, "/pathways", new { medicalRecordNumber = mrn, fullName, dateOfBirth, sex, referralDate, referringCentre = centre });
        return body.GetProperty("pathwayId").GetGuid();
    }

    public Task<JsonElement> RecordBaseline(Guid id, object baseline) => Post(intake, $"/pathways/{id}/baseline", baseline);

    public Task<JsonElement> DecideEligibility(Guid id) => Post(intake, $"/pathways/{id}/eligibility", null);

    public Task<JsonElement> Enrol(Guid id, DateOnly enrolledOn, string rationale = "MDT: convert first (LEN-TAP).") =>
        Post(intake, $"/pathways/{id}/enrolment", new { enrolledOn, rationale });

    public Task<JsonElement> Summary(Guid id) => Get(intake, $"/pathways/{id}");

    // Scheduling
    public Task<JsonElement> Therapy(Guid id) => Get(scheduling, $"/pathways/{id}/therapy");

    /// <summary>The therapy calendar, or null when Scheduling has no plan for the pathway.</summary>
    public Task<JsonElement?> TherapyOrNull(Guid id) => TryGet(scheduling, $"/pathways/{id}/therapy");

    /// <summary>The therapy calendar once Scheduling has planned the regimen from the enrolment message.</summary>
    public Task<JsonElement> PlannedTherapy(Guid id, TimeSpan? wait = null) =>
        Until(() => TryGet(scheduling, $"/pathways/{id}/therapy"), _ => true, wait, $"the therapy plan of {id}");

    public Task<JsonElement> StartLenvatinib(Guid id, DateOnly startedOn) =>
        Post(scheduling, $"/pathways/{id}/therapy/lenvatinib/start", new { startedOn });

    public Task<JsonElement> StopLenvatinib(Guid id, DateOnly lastDoseOn, string reason) =>
        Post(scheduling, $"/pathways/{id}/therapy/lenvatinib/stop", new { lastDoseOn, reason });

    public Task<JsonElement> RecordTace(Guid id, DateOnly performedOn) =>
        Post(scheduling, $"/pathways/{id}/therapy/tace", new { performedOn });

    public Task<JsonElement> RecordCamrelizumab(Guid id, DateOnly administeredOn) =>
        Post(scheduling, $"/pathways/{id}/therapy/camrelizumab", new { administeredOn });

    public Task<JsonElement> Resume(Guid id, string drug, DateOnly resumedOn, string reason = "AE back to grade 1.") =>
        Post(scheduling, $"/pathways/{id}/therapy/holds/{drug}/resume", new { resumedOn, reason });

    /// <summary>Waits until the therapy calendar satisfies <paramref name="condition"/> (a consumer's effect).</summary>
    public Task<JsonElement> TherapyWhen(Guid id, Func<JsonElement, bool> condition, string what, TimeSpan? wait = null) =>
        Until(() => TryGet(scheduling, $"/pathways/{id}/therapy"), condition, wait, what);

    // Assessment
    public Task<JsonElement> RecordImaging(Guid id, object study) => Post(assessment, $"/pathways/{id}/imaging", study);

    public Task<JsonElement> RecordLiverFunction(Guid id, object assessmentBody) => Post(assessment, $"/pathways/{id}/liver-function", assessmentBody);

    public Task<JsonElement> RecordMarkers(Guid id, object sample) => Post(assessment, $"/pathways/{id}/tumour-markers", sample);

    public Task<JsonElement> ReportAdverseEvent(Guid id, Guid adverseEventId, string term, int grade, DateOnly onsetOn, params string[] suspectedDrugs) =>
        Post(assessment, $"/pathways/{id}/adverse-events",
            new { adverseEventId, ctcaeTerm = term, grade, onsetOn, treatmentRelated = suspectedDrugs.Length > 0, suspectedDrugs });

    public Task<JsonElement> ResolveAdverseEvent(Guid id, Guid adverseEventId, DateOnly resolvedOn, int residualGrade = 1) =>
        Post(assessment, $"/pathways/{id}/adverse-events/{adverseEventId}/resolution", new { residualGrade, resolvedOn });

    public Task<JsonElement> Responses(Guid id) => Get(assessment, $"/pathways/{id}/response");

    // Surgery planning
    public Task<JsonElement> AssessFeasibility(Guid id, DateOnly assessedOn, bool r0Feasible = true) =>
        Post(surgery, $"/pathways/{id}/surgical-feasibility",
            new { assessedOn, r0ResectionFeasible = r0Feasible, otherContraindication = false, notes = "Wide margin feasible; PVTT retracted." });

    public Task<JsonElement> Readiness(Guid id) => Get(surgery, $"/pathways/{id}/readiness");

    public Task<JsonElement> ReadinessWhen(Guid id, Func<JsonElement, bool> condition, string what, TimeSpan? wait = null) =>
        Until(() => TryGet(surgery, $"/pathways/{id}/readiness"), condition, wait, what);

    public Task<JsonElement> MdtSuggestions(Guid id) => Get(surgery, $"/pathways/{id}/mdt-suggestions");

    public Task<JsonElement> RecordMdt(Guid id, string outcome, DateOnly decidedOn, DateOnly? intendedSurgeryOn = null, string? chosenOption = null,
        string rationale = "Discussed at the MDT.") =>
        Post(surgery, $"/pathways/{id}/mdt-decisions", new
        {
            outcome, rationale, attendees = new[] { "hepatobiliary surgeon", "oncologist", "radiologist" }, decidedOn, intendedSurgeryOn,
            chosenOption, highSurgicalRisk = false,
        });

    public Task<JsonElement> ScheduleResection(Guid id, DateOnly scheduledOn, string procedure = "right hepatectomy") =>
        Post(surgery, $"/pathways/{id}/resection", new { scheduledOn, procedure });

    public Task<JsonElement> RecordResection(Guid id, DateOnly performedOn, string margin = "R0", decimal viableTumourPercent = 0m) =>
        Post(surgery, $"/pathways/{id}/resection/outcome", new
        {
            performedOn, procedure = "right hepatectomy", margin, marginWidthMm = 12, viableTumourPercent, edmondsonGrade = "II",
            microvascularInvasion = false, macrovascularInvasion = false, tumourCount = 1, largestTumourMm = 35, lymphNodeMetastasis = false,
            complications = Array.Empty<object>(),
        });

    public Task<JsonElement> DecideAdjuvant(Guid id, int durationMonths = 6) =>
        Post(surgery, $"/pathways/{id}/adjuvant", new { durationMonths, rationale = "Tolerated LEN-TAP; continue after resection." });

    // Plumbing
    /// <summary>
    /// Posts without If-Match. Other services' consumers append to the same stream, so a request can lose the race for
    /// the stream version ("changed while this request was being handled"); without If-Match the decision is simply
    /// made again on the new state, as the problem details ask.
    /// </summary>
    public static async Task<JsonElement> Post(HttpClient http, string path, object? body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await http.PostAsync(path, body is null ? null : JsonContent.Create(body));
            var text = await response.Content.ReadAsStringAsync();
            if (response.IsSuccessStatusCode)
            {
                return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
            }

            if (attempt < 5 && response.StatusCode == System.Net.HttpStatusCode.Conflict && text.Contains(RaceLost, StringComparison.Ordinal))
            {
                await Task.Delay(50 * attempt);
                continue;
            }

            throw new PathwayApiException($"POST {path}", (int)response.StatusCode, text);
        }
    }

    private const string RaceLost = "changed while this request was being handled";

    public static async Task<JsonElement> Get(HttpClient http, string path) =>
        await TryGet(http, path) ?? throw new PathwayApiException($"GET {path}", 404, "not found");

    public Task<JsonElement?> TryGetFrom(HttpClient http, string path) => TryGet(http, path);

    private static async Task<JsonElement?> TryGet(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new PathwayApiException($"GET {path}", (int)response.StatusCode, text);
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    // Consumers work asynchronously: poll a read API with a deadline, never a fixed sleep.
    public async Task<JsonElement> Until(Func<Task<JsonElement?>> read, Func<JsonElement, bool> condition, TimeSpan? wait, string what)
    {
        var deadline = DateTime.UtcNow + (wait ?? DefaultWait);
        JsonElement? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await read();
            if (last is { } value && condition(value))
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"Timed out waiting for {what}; last read: {last?.ToString() ?? "404"}");
    }
}
