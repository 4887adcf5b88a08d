using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.DemoData;
using HccPathway.Testing;
using Xunit.Abstractions;

namespace HccPathway.EndToEnd.Tests;

/// <summary>
/// Scenario 1 of issue 8: one patient from referral to adjuvant therapy through the four services' public APIs, with
/// the other services' consumers doing their part (planning, holds, checklist, washout, adjuvant plan).
/// </summary>
public sealed class ConversionPathwayTests(PathwaySystem system, ITestOutputHelper output) : IClassFixture<PathwaySystem>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_patient_is_converted_to_R0_resection_with_pCR_and_adjuvant_therapy_and_the_stream_tells_it_in_order()
    {
        var api = system.ClinicianApi("dr-conversion");
        var wire = system.Wire;
        var e = Today.AddDays(-200);
        var j = await ConversionJourney.Register(api, e, "MRN-E2E-1", "Ada Example", new DateOnly(1962, 4, 2));
        var id = j.PathwayId;

        await j.RecordBaseline();
        await j.DecideEligibility();
        var eligibility = (await wire.Next<EligibilityDecided>(id)).Message;
        Assert.True(eligibility.GetProperty("eligible").GetBoolean());
        Assert.Contains("ELIG-2", eligibility.GetProperty("matchedRules").EnumerateArray().Select(r => r.GetString()));

        await j.Enrol();
        await wire.Next<PatientEnrolled>(id);

        // SCHED-LEN/TACE/CAM: Scheduling plans from the enrolment message alone.
        var plan = await j.Planned();
        var lenvatinibDue = ConversionJourney.DueOn(ConversionJourney.Item(plan, "lenvatinib-start", 1));
        var taceDue = ConversionJourney.DueOn(ConversionJourney.Item(plan, "tace", 1));
        var cam1Planned = ConversionJourney.DueOn(ConversionJourney.Item(plan, "camrelizumab", 1));
        Assert.True(lenvatinibDue > e);
        Assert.Equal(lenvatinibDue.AddDays(14), taceDue);
        Assert.Equal(taceDue.AddDays(14), cam1Planned);
        await wire.Next<RegimenPlanned>(id);

        Assert.Equal(lenvatinibDue, await j.StartLenvatinib());
        await j.BaselineImaging();

        // TACE five days late: the camrelizumab series moves with it (cascade).
        var taceOn = await j.PerformTace(daysLate: 5);
        Assert.Equal(taceDue.AddDays(5), taceOn);
        var moved = (await wire.Next<TherapyItemRescheduled>(id, m => m.Str("itemType") == "camrelizumab")).Message;
        Assert.Equal(cam1Planned, moved.Date("previousDueOn"));
        Assert.Equal(taceOn.AddDays(14), moved.Date("dueOn"));
        Assert.Equal(taceOn.AddDays(14), ConversionJourney.DueOn(ConversionJourney.Item(await j.Therapy(), "camrelizumab", 1)));

        var dose1 = await j.GiveCamrelizumab(1);
        var dose2 = await j.GiveCamrelizumab(2);
        Assert.Equal(dose1.AddDays(21), dose2);

        // Grade 3, treatment related: Scheduling holds camrelizumab (SCHED-HOLD); no dose can be recorded.
        var ae = await j.AdverseEventHoldingCamrelizumab(dose2.AddDays(5));
        var held = (await wire.Next<TreatmentHeld>(id)).Message;
        Assert.Equal("camrelizumab", held.Str("drug"));
        Assert.Equal(ae, held.GetProperty("adverseEventId").GetGuid());
        var refused = await Assert.ThrowsAsync<PathwayApiException>(() => api.RecordCamrelizumab(id, dose2.AddDays(21)));
        Assert.Equal(409, refused.Status);

        await j.ResolveAndResume(ae, dose2.AddDays(19), dose2.AddDays(20));
        await wire.Next<TreatmentResumable>(id);
        await wire.Next<TreatmentResumed>(id);
        Assert.Null(ConversionJourney.OpenHold(await j.Therapy(), "camrelizumab"));
        var dose3 = await j.GiveCamrelizumab(3, dose2.AddDays(21));

        // L1 80 → 60 mm, viable 80 → 30 mm: RECIST SD (−25%), mRECIST PR (−62.5%), held over three months.
        await j.PartialResponseImaging(e.AddDays(80));
        await j.PartialResponseImaging(Today.AddDays(-25));
        var responses = await api.Responses(id);
        foreach (var study in responses.GetProperty("studies").EnumerateArray().Skip(1))
        {
            Assert.Equal("PR", study.GetProperty("mrecist").Str("category"));
            Assert.Equal("SD", study.GetProperty("recist").Str("category"));
        }

        // SURG-READY: every criterion passes once feasibility and liver function are recorded (evidence at most 30 days old).
        await j.RecordPreoperativeWorkUp(Today.AddDays(-20));
        var readiness = await j.ReadyForSurgery();
        Assert.All(readiness.GetProperty("criteria").EnumerateArray(), c => Assert.Equal("pass", c.GetProperty("criterion").Str("status")));

        await j.StopLenvatinib(Today.AddDays(-18));
        await wire.Next<LenvatinibStopped>(id);
        var surgeryOn = ConversionJourney.HospitalToday();
        await j.DecideResection(Today.AddDays(-16), surgeryOn);
        var mdt = (await wire.Next<MdtDecisionRecorded>(id)).Message;
        Assert.Equal("resect", mdt.Str("outcome"));
        var washout = (await wire.Next<WashoutPlanned>(id)).Message;
        Assert.Equal(surgeryOn, washout.Date("intendedSurgeryOn"));
        Assert.True(washout.GetProperty("intendedDateIsSafe").GetBoolean(), washout.ToString());

        // SURG-WASH per class from the actual history: every stop ends on or before the intended date.
        var stops = washout.GetProperty("stops").EnumerateArray().ToDictionary(s => s.Str("drugClass"));
        Assert.Equal(taceOn, stops["tace"].Date("lastExposureOn"));
        Assert.Equal(Today.AddDays(-18), stops["small-molecule-tki"].Date("lastExposureOn"));
        Assert.Equal(dose3, stops["immune-checkpoint-inhibitor"].Date("lastExposureOn"));
        Assert.All(stops.Values, s => Assert.True(s.Date("earliestSurgeryOn") <= surgeryOn, s.ToString()));

        await j.Resect(surgeryOn);
        var resection = (await wire.Next<ResectionPerformed>(id)).Message;
        Assert.Equal("R0", resection.Str("margin"));
        Assert.True(resection.GetProperty("pathology").GetProperty("pathologicalCompleteResponse").GetBoolean());

        await j.DecideAdjuvant();
        var adjuvant = (await wire.Next<AdjuvantTherapyDecided>(id)).Message;
        var adjuvantPlanned = (await wire.Next<AdjuvantTherapyPlanned>(id)).Message;
        Assert.Equal(adjuvant.Date("startOn"), adjuvantPlanned.Date("startOn"));

        // The adjuvant items follow their plan event; wait for the whole story to reach the wire: every item of the
        // ordered story, the two studies and two MDT reviews the imaging reactions booked, and the booked resection.
        var allPlanned = ExpectedStory.Count(n => n == "scheduling.therapy-item-planned.v1") + 5;
        await Eventually.True(() => Task.FromResult(system.StreamOnWire(id).Count(s => s.Name == "scheduling.therapy-item-planned.v1") >= allPlanned),
            TimeSpan.FromSeconds(30), "the adjuvant items on the wire");
        var stream = system.StreamOnWire(id);
        output.WriteLine(string.Join(Environment.NewLine, stream.Select(s => $"{s.Version} {s.Name}")));
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(s => s.Version));

        // Surgery planning re-evaluates readiness whenever a fact arrives, and Assessment opens its series on the
        // enrolment message; both run alongside the steps, so they are checked apart from the ordered story.
        Assert.Single(stream, s => s.Name == "assessment.response-assessment-started.v1");
        Assert.Contains(stream, s => s.Name == "surgery-planning.surgical-readiness-evaluated.v1");
        // Scheduling records each follow-up study against an imaging item (SCHED-IMG) when Assessment's message arrives,
        // booking the next study in the same append; that reaction too runs alongside the steps.
        Assert.Equal(2, stream.Count(s => s.Name == "scheduling.response-imaging-performed.v1"));
        // The MDT decision closes the review it held (SCHED-MDT) on a queue of its own, beside the washout's.
        Assert.Single(stream, s => s.Name == "scheduling.mdt-review-held.v1");
        var names = stream.Select(s => s.Name).Where(n => n != "scheduling.mdt-review-held.v1").ToList();

        // The booked resection (RES-1) is planned when Scheduling takes the booking, which may be after the next steps.
        var booked = names.IndexOf("surgery-planning.resection-scheduled.v1");
        var adjuvantDecided = names.IndexOf("surgery-planning.adjuvant-therapy-decided.v1");
        var resectionItem = names.FindIndex(booked, n => n == "scheduling.therapy-item-planned.v1");
        Assert.InRange(resectionItem, booked + 1, adjuvantDecided - 1);
        names.RemoveAt(resectionItem);
        var story = WithoutImagingReactions(names)
            .Where(n => n is not ("surgery-planning.surgical-readiness-evaluated.v1" or "assessment.response-assessment-started.v1"));
        Assert.Equal(ExpectedStory, story);

        await AuditTellsTheSameStory(id, stream, surgeryOn);
    }

    /// <summary>
    /// The audit API: the history equals what RabbitMQ carried, the replay as of three moments shows what was known then
    /// (the plan before any dose; the hold; what the MDT knew when it decided), and the hash chain verifies.
    /// </summary>
    private async Task AuditTellsTheSameStory(Guid id, IReadOnlyList<(long Version, string Name)> wire, DateOnly surgeryOn)
    {
        var auditor = system.Auditor();
        var history = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/history?pageSize=500");
        // A background readiness re-evaluation may land after the wire was read: compare the events the wire had seen.
        var entries = history.GetProperty("items").EnumerateArray().Take(wire.Count).ToArray();
        Assert.Equal(wire.Select(w => w.Name), entries.Select(e => e.Str("name")));
        Assert.Equal(wire.Select(w => w.Version), entries.Select(e => e.GetProperty("version").GetInt64()));
        Assert.All(entries, e => Assert.Equal(e.Str("name").Split('.')[0], e.Str("owner")));
        Assert.Equal("dr-conversion", entries[0].Str("user"));
        Assert.NotEqual("dr-conversion", entries.First(e => e.Str("name") == "scheduling.treatment-held.v1").Str("user"));

        DateTimeOffset RecordedAt(Func<JsonElement, bool> match) => entries.Last(match).GetProperty("recordedAt").GetDateTimeOffset();
        async Task<JsonElement> AsOf(DateTimeOffset at) =>
            await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/state?asOf={Uri.EscapeDataString(at.ToString("O"))}");

        // 1. The regimen as planned, before lenvatinib started.
        var planned = await AsOf(RecordedAt(e => e.Str("name") == "scheduling.therapy-item-planned.v1"
            && entries.TakeWhile(x => x.Str("name") != "scheduling.lenvatinib-started.v1").Contains(e)));
        Assert.Equal(JsonValueKind.Null, planned.GetProperty("regimen").GetProperty("lenvatinibStartedOn").ValueKind);
        Assert.Equal(0, planned.GetProperty("regimen").GetProperty("camrelizumabDoses").GetInt32());
        Assert.Equal(JsonValueKind.Null, planned.GetProperty("latestResponse").ValueKind);

        // 2. When camrelizumab was held: two doses given, one open grade 3 AE, the hold on record.
        var held = await AsOf(RecordedAt(e => e.Str("name") == "scheduling.treatment-held.v1"));
        Assert.Equal(2, held.GetProperty("regimen").GetProperty("camrelizumabDoses").GetInt32());
        Assert.Equal(3, Assert.Single(held.GetProperty("openAdverseEvents").EnumerateArray()).GetProperty("grade").GetInt32());
        Assert.Contains(held.GetProperty("regimen").GetProperty("holds").EnumerateArray(), h => h.Str("drug") == "camrelizumab");

        // 3. What the MDT knew when it decided to resect: PR/SD, readiness all pass, no decision yet.
        var beforeMdt = await AsOf(RecordedAt(e => e.Str("name") == "scheduling.lenvatinib-stopped.v1"));
        Assert.Equal("PR", beforeMdt.GetProperty("latestResponse").Str("mrecistCategory"));
        Assert.Equal("SD", beforeMdt.GetProperty("latestResponse").Str("recistCategory"));
        Assert.Equal("ready", beforeMdt.GetProperty("readiness").Str("verdict"));
        Assert.Equal(JsonValueKind.Null, beforeMdt.GetProperty("latestMdtDecision").ValueKind);
        Assert.Equal(JsonValueKind.Null, beforeMdt.GetProperty("resection").ValueKind);

        // Now: resected R0 on the day, adjuvant therapy planned.
        var now = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/state");
        Assert.Equal("resect", now.GetProperty("latestMdtDecision").Str("outcome"));
        Assert.Equal("R0", now.GetProperty("resection").Str("margin"));
        Assert.Equal(surgeryOn, now.GetProperty("resection").Date("performedOn"));
        Assert.True(now.GetProperty("adjuvant").GetProperty("planned").GetBoolean());

        // The hash chain is sealed by the audit service's subscription in the background, then verifies intact.
        var verification = await Eventually.Get(async () =>
        {
            var v = await auditor.GetFromJsonAsync<JsonElement>($"/pathways/{id}/verification");
            return v.Str("status") == "not-yet-sealed" || v.GetProperty("sealedVersion").GetInt64() < wire.Count ? (JsonElement?)null : v;
        }, TimeSpan.FromSeconds(30), "the hash chain to be sealed");
        Assert.Equal("intact", verification!.Value.Str("status"));
    }

    /// <summary>The names without each <c>response-imaging-performed</c> and the studies its append booked right after it.</summary>
    private static IEnumerable<string> WithoutImagingReactions(IEnumerable<string> names)
    {
        var inReaction = false;
        foreach (var name in names)
        {
            if (name == "scheduling.response-imaging-performed.v1" || (inReaction && name == "scheduling.therapy-item-planned.v1"))
            {
                inReaction = true;
                continue;
            }

            inReaction = false;
            yield return name;
        }
    }

    private static readonly string[] ExpectedStory =
    [
        "intake.patient-registered.v1", "intake.baseline-assessed.v1", "intake.eligibility-decided.v1", "intake.patient-enrolled.v1",
        // LEN-1, TACE-1, CAM-1..6, the response imaging studies IMG-1 and IMG-2 (SCHED-IMG) and the labs before TACE-1
        // and each camrelizumab dose (SCHED-LAB).
        "scheduling.regimen-planned.v1", .. Enumerable.Repeat("scheduling.therapy-item-planned.v1", 17),
        "scheduling.lenvatinib-started.v1",
        "assessment.imaging-study-recorded.v1", "assessment.response-assessed.v1",
        // SCHED-CAM: the six doses and their labs move with the late TACE.
        "scheduling.tace-performed.v1", .. Enumerable.Repeat("scheduling.therapy-item-rescheduled.v1", 12),
        // SCHED-CYCLES: each dose given plans the next one and its labs, keeping six planned ahead.
        "scheduling.camrelizumab-administered.v1", "scheduling.therapy-item-planned.v1", "scheduling.therapy-item-planned.v1",
        "scheduling.camrelizumab-administered.v1", "scheduling.therapy-item-planned.v1", "scheduling.therapy-item-planned.v1",
        "assessment.adverse-event-reported.v1", "scheduling.treatment-held.v1",
        "assessment.adverse-event-resolved.v1", "scheduling.treatment-resumable.v1", "scheduling.treatment-resumed.v1",
        "scheduling.camrelizumab-administered.v1", "scheduling.therapy-item-planned.v1", "scheduling.therapy-item-planned.v1",
        "assessment.imaging-study-recorded.v1", "assessment.response-assessed.v1",
        "assessment.imaging-study-recorded.v1", "assessment.response-assessed.v1",
        "assessment.liver-function-assessed.v1", "surgery-planning.surgical-feasibility-assessed.v1",
        "scheduling.lenvatinib-stopped.v1",
        "surgery-planning.mdt-suggestions-offered.v1", "surgery-planning.mdt-decision-recorded.v1", "scheduling.washout-planned.v1",
        // SURG-WASH: a dose inside its washout with its labs, and IMG-1 and IMG-2, due on or after the intended surgery date
        // (SCHED-IMG).
        .. Enumerable.Repeat("scheduling.therapy-item-cancelled.v1", 4),
        "surgery-planning.resection-scheduled.v1", "surgery-planning.resection-performed.v1", "surgery-planning.recurrence-risk-evaluated.v1",
        // The adjuvant plan ends what conversion left outstanding, then plans its doses, their labs, the end of the course
        // (SURG-ADJ) and two recurrence surveillance visits (SCHED-SURV): ADJ-LEN-1, ADJ-CAM-1..9 with LAB-ADJ-CAM-1..9,
        // ADJ-END, SURV-R-1 and SURV-R-2.
        "surgery-planning.adjuvant-therapy-decided.v1", .. Enumerable.Repeat("scheduling.therapy-item-cancelled.v1", 12),
        "scheduling.adjuvant-therapy-planned.v1", .. Enumerable.Repeat("scheduling.therapy-item-planned.v1", 22),
    ];
}
