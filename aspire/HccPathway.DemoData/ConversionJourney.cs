using System.Text.Json;

namespace HccPathway.DemoData;

/// <summary>
/// One patient taken through LEN-TAP conversion therapy by public API calls, step by step. Clinical dates are counted
/// from the enrolment date, which callers put far enough in the past that every step is dated on or before today
/// (the services refuse future dates). Steps that depend on another service's consumer wait for its effect.
/// </summary>
public sealed class ConversionJourney(PathwayClient api, Guid pathwayId, DateOnly enrolledOn)
{
    public Guid PathwayId => pathwayId;

    /// <summary>
    /// Today at the hospital, the latest date the services accept: in <paramref name="zone"/>, by default UTC, the zone
    /// of a hospital that configured none (Pathway:TimeZone). Both washout checks (Scheduling's plan and Surgery
    /// planning's scheduling check) evaluate on today and never call a past date safe, so a resection is scheduled and
    /// recorded on this day rather than back-dated.
    /// </summary>
    public static DateOnly HospitalToday(TimeZoneInfo? zone = null) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, zone ?? TimeZoneInfo.Utc).DateTime);

    public DateOnly EnrolledOn => enrolledOn;

    public DateOnly ReferralDate => enrolledOn.AddDays(-21);

    public DateOnly BaselineOn => enrolledOn.AddDays(-14);

    public PathwayClient Api => api;

    public static async Task<ConversionJourney> Register(PathwayClient api, DateOnly enrolledOn, string mrn, string fullName, DateOnly dateOfBirth,
        string sex = "male", string centre = "City Hospital")
    {
        var id = await api.Register(mrn, fullName, dateOfBirth, sex, enrolledOn.AddDays(-21), centre);
        return new ConversionJourney(api, id, enrolledOn);
    }

    public Task<JsonElement> RecordBaseline(int ecog = 0) => api.RecordBaseline(pathwayId, ClinicalBodies.Baseline(BaselineOn, ecog));

    public Task<JsonElement> DecideEligibility() => api.DecideEligibility(pathwayId);

    public Task<JsonElement> Enrol() => api.Enrol(pathwayId, enrolledOn);

    /// <summary>Scheduling plans the regimen from the enrolment message (SCHED-LEN/TACE/CAM).</summary>
    public Task<JsonElement> Planned() => api.PlannedTherapy(pathwayId);

    public Task<JsonElement> Therapy() => api.Therapy(pathwayId);

    public static JsonElement Item(JsonElement therapy, string itemType, int sequence) => therapy.GetProperty("items").EnumerateArray()
        .Single(i => i.GetProperty("itemType").GetString() == itemType && i.GetProperty("sequence").GetInt32() == sequence);

    public static DateOnly DueOn(JsonElement item) => DateOnly.Parse(item.GetProperty("dueOn").GetString()!);

    /// <summary>Lenvatinib started on its planned day.</summary>
    public async Task<DateOnly> StartLenvatinib()
    {
        var on = DueOn(Item(await Therapy(), "lenvatinib-start", 1));
        await api.StartLenvatinib(pathwayId, on);
        return on;
    }

    /// <summary>The imaging baseline, three days after enrolment.</summary>
    public Task<JsonElement> BaselineImaging() => api.RecordImaging(pathwayId, ClinicalBodies.BaselineStudy(enrolledOn.AddDays(3)));

    /// <summary>TACE <paramref name="daysLate"/> days after its due date; the camrelizumab series cascades from it.</summary>
    public async Task<DateOnly> PerformTace(int daysLate = 0)
    {
        var on = DueOn(Item(await Therapy(), "tace", 1)).AddDays(daysLate);
        await api.RecordTace(pathwayId, on);
        return on;
    }

    /// <summary>The next camrelizumab dose, on its due date or <paramref name="notBefore"/> when that is later.</summary>
    public async Task<DateOnly> GiveCamrelizumab(int sequence, DateOnly? notBefore = null)
    {
        var due = DueOn(Item(await Therapy(), "camrelizumab", sequence));
        var on = notBefore is { } earliest && earliest > due ? earliest : due;
        await api.RecordCamrelizumab(pathwayId, on);
        return on;
    }

    /// <summary>A treatment-related grade 3 AE suspected of camrelizumab; Scheduling holds the drug (SCHED-HOLD).</summary>
    public async Task<Guid> AdverseEventHoldingCamrelizumab(DateOnly onsetOn, string term = "Rash maculo-papular")
    {
        var adverseEventId = Guid.NewGuid();
        await api.ReportAdverseEvent(pathwayId, adverseEventId, term, 3, onsetOn, "camrelizumab");
        await api.TherapyWhen(pathwayId, t => OpenHold(t, "camrelizumab") is not null, "the camrelizumab hold");
        return adverseEventId;
    }

    /// <summary>The AE back to grade 1; once Scheduling marks the hold resumable a clinician resumes the drug.</summary>
    public async Task ResolveAndResume(Guid adverseEventId, DateOnly resolvedOn, DateOnly resumedOn)
    {
        await api.ResolveAdverseEvent(pathwayId, adverseEventId, resolvedOn);
        await api.TherapyWhen(pathwayId, t => OpenHold(t, "camrelizumab") is { } h && h.GetProperty("resumableFrom").ValueKind == JsonValueKind.String,
            "the camrelizumab hold to become resumable");
        await api.Resume(pathwayId, "camrelizumab", resumedOn);
    }

    public static JsonElement? OpenHold(JsonElement therapy, string drug) => therapy.GetProperty("holds").EnumerateArray()
        .Where(h => h.GetProperty("drug").GetString() == drug && h.GetProperty("resumedOn").ValueKind == JsonValueKind.Null)
        .Select(h => (JsonElement?)h).FirstOrDefault();

    /// <summary>L1 60 mm overall, 30 mm viable: RECIST SD (−25%), mRECIST PR (−62.5%).</summary>
    public Task<JsonElement> PartialResponseImaging(DateOnly on) => api.RecordImaging(pathwayId, ClinicalBodies.FollowUp(on, 60m, 30m));

    /// <summary>Everything the surgeon and the readiness checklist need: liver function (immune hepatitis excluded) and R0 feasibility.</summary>
    public async Task RecordPreoperativeWorkUp(DateOnly on)
    {
        await api.RecordLiverFunction(pathwayId, ClinicalBodies.PreoperativeLiverFunction(on));
        await api.AssessFeasibility(pathwayId, on);
    }

    public Task<JsonElement> ReadyForSurgery() =>
        api.ReadinessWhen(pathwayId, r => r.GetProperty("verdict").GetString() == "ready", "readiness to be ready");

    /// <summary>
    /// Lenvatinib stopped ahead of the MDT. Scheduling plans a running drug's stop from today (it cannot plan the past), so
    /// a history dated in the past records the stop first and the MDT decision after it.
    /// </summary>
    public Task<JsonElement> StopLenvatinib(DateOnly lastDoseOn) => api.StopLenvatinib(pathwayId, lastDoseOn, "Washout before hepatectomy (SURG-WASH).");

    /// <summary>The MDT decides to resect; the decision may be recorded once Surgery planning has the facts.</summary>
    public Task<JsonElement> DecideResection(DateOnly decidedOn, DateOnly intendedOn) =>
        api.RecordMdt(pathwayId, "resect", decidedOn, intendedOn, rationale: "mRECIST PR held; readiness all pass.");

    public async Task Resect(DateOnly on, decimal viableTumourPercent = 0m)
    {
        // Surgery planning decides on the pathway stream as it stands: the lenvatinib stop just recorded in Scheduling
        // counts at once, whether or not its message has arrived yet.
        await api.ScheduleResection(pathwayId, on);
        await api.RecordResection(pathwayId, on, "R0", viableTumourPercent);
    }

    public Task<JsonElement> DecideAdjuvant() => api.DecideAdjuvant(pathwayId);

    public Task<JsonElement> AdjuvantPlanned() =>
        api.TherapyWhen(pathwayId, t => t.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("phase").GetString() == "adjuvant"),
            "the adjuvant plan");

    /// <summary>
    /// RESP-CCR: mRECIST CR on CT, markers back to normal, no distant disease on CT and PET-CT, and all of it still true
    /// on a CT three months later. Returns the date of the last study.
    /// </summary>
    public async Task<DateOnly> CompleteResponseImaging(DateOnly firstOn)
    {
        await api.RecordImaging(pathwayId, ClinicalBodies.FollowUp(firstOn, 30m, 0m, nonTarget: "absent"));
        await api.RecordMarkers(pathwayId, ClinicalBodies.NormalMarkers(firstOn));
        await api.RecordImaging(pathwayId, ClinicalBodies.FollowUp(firstOn.AddDays(2), 30m, 0m, modality: "pet-ct", nonTarget: "absent"));
        var last = firstOn.AddDays(100);
        await api.RecordImaging(pathwayId, ClinicalBodies.FollowUp(last, 28m, 0m, nonTarget: "absent"));
        return last;
    }

    /// <summary>SURG-CCR: watch-and-wait on the confirmed cCR that Assessment appended with the last study.</summary>
    public Task<JsonElement> WatchAndWait(DateOnly decidedOn) =>
        api.RecordMdt(pathwayId, "watch-and-wait", decidedOn, rationale: "Clinical complete response; patient prefers surveillance.");

    /// <summary>L1 grows to 100 mm and a new lung lesion appears with progressing extrahepatic disease: PD, FAIL-1 (c).</summary>
    public Task<JsonElement> ProgressionImaging(DateOnly on) => api.RecordImaging(pathwayId,
        ClinicalBodies.FollowUp(on, 100m, 100m, extrahepatic: "progressing", newLesions: ClinicalBodies.NewExtrahepaticLesion("N1")));

    /// <summary>The MDT's suggestions once Surgery planning has the progression (FAIL-1c).</summary>
    public Task<JsonElement> SuggestionsIncluding(string ruleId) => api.Until(
        () => api.TryGetFrom(api.Surgery, $"/pathways/{pathwayId}/mdt-suggestions"),
        s => s.GetProperty("suggestions").EnumerateArray().Any(x => x.GetProperty("ruleId").GetString() == ruleId),
        null, $"an MDT suggestion {ruleId}");

    public Task<JsonElement> SecondLine(DateOnly decidedOn) =>
        api.RecordMdt(pathwayId, "second-line", decidedOn, rationale: "Intra- and extrahepatic progression (FAIL-1c).");
}
