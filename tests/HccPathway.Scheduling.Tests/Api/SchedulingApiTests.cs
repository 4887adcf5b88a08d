using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

[Collection(SchedulingCollection.Name)]
public sealed class SchedulingApiTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));
    private readonly SchedulingClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-house"));

    [Fact]
    public async Task An_enrolment_message_plans_the_regimen_on_the_stream_and_in_the_worklist()
    {
        var (id, enrolmentEventId, _) = await service.Enrol(Today.AddDays(-1));

        var calendar = (await Eventually.Get(async () => (await service.Stream(id)).Any(e => e.Data is RegimenPlanned) ? await coordinator.Calendar(id) : (JsonElement?)null))!.Value;
        var stream = await service.Stream(id);
        var planned = Assert.IsType<RegimenPlanned>(stream[1].Data);
        Assert.Equal(enrolmentEventId, planned.EnrolmentEventId);
        Assert.Equal(["LEN-1", "TACE-1", "CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "IMG-1", "IMG-2",
            "LAB-TACE-1", "LAB-CAM-1", "LAB-CAM-2", "LAB-CAM-3", "LAB-CAM-4", "LAB-CAM-5", "LAB-CAM-6"], stream.Skip(2).Select(e => ((TherapyItemPlanned)e.Data).ItemId));
        Assert.Equal(planned.StartOn, calendar.Item("LEN-1").Date("dueOn"));

        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?from={planned.StartOn:yyyy-MM-dd}&to={planned.StartOn.AddDays(14):yyyy-MM-dd}&asOf={Today.AddDays(-1):yyyy-MM-dd}");
        var mine = worklist.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("pathwayId").GetGuid() == id).ToList();
        Assert.Equal(["LEN-1", "LAB-TACE-1", "TACE-1"], mine.Select(i => i.Str("itemId")));
        Assert.All(mine, i => Assert.Equal("upcoming", i.Str("status")));
    }

    [Fact]
    public async Task A_duplicated_PatientEnrolled_delivery_plans_once()
    {
        var (id, eventId, message) = await service.Enrol(Today.AddDays(-1));
        var resentUnderAnotherId = Guid.NewGuid();

        await service.Publish(message, eventId);
        await service.Publish(message, resentUnderAnotherId);

        await Eventually.True(() => service.Processed("scheduling-plan-regimen", eventId));
        await Eventually.True(() => service.Processed("scheduling-plan-regimen", resentUnderAnotherId));
        var stream = await service.Stream(id);
        Assert.Single(stream, e => e.Data is RegimenPlanned);
        Assert.Equal(17, stream.Count(e => e.Data is TherapyItemPlanned));
    }

    [Fact]
    public async Task A_late_TACE_moves_the_camrelizumab_series_in_the_calendar_and_publishes_each_reschedule()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = start })).StatusCode);

        var response = await coordinator.Post(id, "tace", new { performedOn = start.AddDays(20), sessionNumber = 1 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = await coordinator.Calendar(id);
        Assert.Equal(("done", start.AddDays(20)), (calendar.Item("TACE-1").Str("status"), calendar.Item("TACE-1").Date("actualOn")));
        Assert.Equal(start.AddDays(34), calendar.Item("CAM-1").Date("dueOn"));
        Assert.Equal(start.AddDays(55), calendar.Item("CAM-2").Date("dueOn"));
        var moved = await service.Subscriber.WaitFor<TherapyItemRescheduled>(m =>
            m.Header(RelayHeaders.PathwayId) == id.ToString() && m.Message.GetProperty("itemId").GetString() == "CAM-6");
        Assert.Equal(6, DateOnly.Parse(moved.Message.Str("dueOn")).DayNumber - DateOnly.Parse(moved.Message.Str("previousDueOn")).DayNumber);
        Assert.Equal("TACE-1", moved.Message.Str("causedByItemId"));
    }

    [Fact]
    public async Task TACE_before_lenvatinib_started_is_409_naming_SCHED_TACE_and_appends_nothing()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        var before = await Version(id);

        var problem = await SchedulingClient.Problem(await coordinator.Post(id, "tace", new { performedOn = start.AddDays(14) }), HttpStatusCode.Conflict);

        Assert.Equal("SCHED-TACE", problem.Str("ruleId"));
        Assert.Equal(before, await Version(id));
    }

    [Fact]
    public async Task An_actual_dated_in_the_future_is_400_naming_the_field_and_appends_nothing()
    {
        var (id, _) = await PlannedPathway(Today.AddDays(-5));
        var before = await Version(id);

        var problem = await SchedulingClient.Problem(await coordinator.Post(id, "lenvatinib/start", new { startedOn = Today.AddDays(3) }), HttpStatusCode.BadRequest);

        Assert.Equal(["startedOn"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(before, await Version(id));
    }

    [Fact]
    public async Task An_unknown_pathway_is_404_and_a_stale_If_Match_is_409()
    {
        await SchedulingClient.Problem(await coordinator.Post(Guid.NewGuid(), "lenvatinib/start", new { startedOn = Today }), HttpStatusCode.NotFound);
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        var before = await Version(id);

        await SchedulingClient.Problem(await coordinator.Post(id, "lenvatinib/start", new { startedOn = start }, ifMatch: before - 1), HttpStatusCode.Conflict);
        Assert.Equal(before, await Version(id));
    }

    [Fact]
    public async Task A_resolution_that_arrives_before_its_report_still_holds_then_a_clinician_resumes_and_only_then_a_dose_is_accepted()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        await coordinator.Post(id, "lenvatinib/start", new { startedOn = start });
        await coordinator.Post(id, "tace", new { performedOn = start.AddDays(14) });
        var aeId = Guid.NewGuid();
        var resolved = new AdverseEventResolved(id, aeId, 1, start.AddDays(25), DateTimeOffset.UtcNow);
        var reported = new AdverseEventReported(id, aeId, "Hepatitis", 3, start.AddDays(18), true, [Drugs.Camrelizumab], DateTimeOffset.UtcNow);

        var resolvedId = Guid.NewGuid();
        await service.Publish(resolved, resolvedId);
        await Eventually.True(() => service.Processed("scheduling-ae-resolved", resolvedId));
        await service.Publish(reported, Guid.NewGuid());

        var held = (await Eventually.Get(async () => (await coordinator.Calendar(id)).GetProperty("holds").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } h
            && h.TryGetProperty("resumableFrom", out var r) && r.ValueKind == JsonValueKind.String ? (JsonElement?)h : null))!.Value;
        Assert.Equal((aeId, start.AddDays(18)), (held.GetProperty("adverseEventId").GetGuid(), held.Date("heldFrom")));
        var refused = await SchedulingClient.Problem(await coordinator.Post(id, "camrelizumab", new { administeredOn = start.AddDays(28) }), HttpStatusCode.Conflict);
        Assert.Equal("SCHED-HOLD", refused.Str("ruleId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Post(id, "holds/camrelizumab/resume", new { resumedOn = start.AddDays(26), reason = "ALT normal" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await clinician.Post(id, "holds/camrelizumab/resume", new { resumedOn = start.AddDays(26), reason = "ALT normal" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "camrelizumab", new { administeredOn = start.AddDays(28) })).StatusCode);
        var stream = await service.Stream(id);
        Assert.Single(stream, e => e.Data is TreatmentHeld);
        Assert.Single(stream, e => e.Data is TreatmentResumable);
    }

    [Fact]
    public async Task The_worklist_filters_by_status_and_item_type_and_the_feeds_are_iCalendar()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        await coordinator.Post(id, "lenvatinib/start", new { startedOn = start });
        var range = $"from={start:yyyy-MM-dd}&to={start.AddDays(40):yyyy-MM-dd}";

        var overdueTace = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?{range}&status=overdue&itemType=tace");
        var done = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?{range}&status=done");
        var invalid = await coordinator.Http.GetAsync($"/worklist?{range}&status=sometime");

        Assert.Contains(overdueTace.GetProperty("items").EnumerateArray(), i => i.GetProperty("pathwayId").GetGuid() == id && i.Str("itemId") == "TACE-1");
        Assert.All(overdueTace.GetProperty("items").EnumerateArray(), i => Assert.Equal(("overdue", "tace"), (i.Str("status"), i.Str("itemType"))));
        Assert.Equal(["LEN-1"], done.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("pathwayId").GetGuid() == id).Select(i => i.Str("itemId")));
        Assert.Contains("status", (await SchedulingClient.Problem(invalid, HttpStatusCode.BadRequest)).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var patientFeed = await coordinator.Http.GetAsync($"/pathways/{id}/therapy/calendar.ics");
        var worklistFeed = await coordinator.Http.GetAsync($"/worklist.ics?{range}");
        Assert.Equal("text/calendar", patientFeed.Content.Headers.ContentType?.MediaType);
        var ics = await patientFeed.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCALENDAR\r\n", ics, StringComparison.Ordinal);
        Assert.Equal(17, ics.Split("BEGIN:VEVENT").Length - 1); // LEN-1, TACE-1, CAM-1..6, IMG-1, IMG-2, and the labs of TACE-1 and CAM-1..6
        Assert.Contains($"UID:{id:D}-CAM-1@hccpathway", (await worklistFeed.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_MDT_decision_to_resect_plans_the_washout_with_a_lenvatinib_stop_in_the_calendar()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        await coordinator.Post(id, "lenvatinib/start", new { startedOn = start });
        var intended = Today.AddDays(30);
        var decision = new MdtDecisionRecorded(id, Guid.NewGuid(), MdtOutcomes.Resect, "PR, R0 feasible", ["surgeon"], Today, intended, "SURG-READY", true, "dr-house", DateTimeOffset.UtcNow);

        await service.Publish(decision, await service.AppendUpstream(id, decision));

        var washout = (WashoutPlanned)(await Eventually.Get(async () => (await service.Stream(id)).FirstOrDefault(e => e.Data is WashoutPlanned)))!.Data;
        Assert.Equal(intended.AddDays(-7), washout.Stops.Single(s => s.Drug == Drugs.Lenvatinib).LastPlannedExposureOn);
        Assert.Equal(intended.AddDays(-7), (await coordinator.Calendar(id)).Item("LEN-STOP-1").Date("dueOn"));
    }

    [Fact]
    public async Task A_decision_for_second_line_cancels_the_outstanding_conversion_items_in_the_calendar()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        await coordinator.Post(id, "lenvatinib/start", new { startedOn = start });
        var decision = new MdtDecisionRecorded(id, Guid.NewGuid(), MdtOutcomes.SecondLine, "PD with new extrahepatic lesions", ["oncologist"], Today, null, "FAIL-2", true, "dr-house", DateTimeOffset.UtcNow);

        await service.Publish(decision, await service.AppendUpstream(id, decision));

        await Eventually.True(async () => (await service.Stream(id)).Any(e => e.Data is TherapyItemCancelled { RuleId: "SCHED-CYCLES" }));
        var calendar = await coordinator.Calendar(id);
        Assert.Equal("done", calendar.Item("LEN-1").Str("status"));
        Assert.Equal("cancelled", calendar.Item("TACE-1").Str("status"));
        Assert.Equal("cancelled", calendar.Item("CAM-1").Str("status"));
    }

    [Fact]
    public async Task An_auditor_reads_the_calendar_but_cannot_record()
    {
        var (id, start) = await PlannedPathway(Today.AddDays(-40));
        var auditor = new SchedulingClient(service.Factory.ClientAs(Roles.Auditor, "auditor-1"));

        Assert.Equal(HttpStatusCode.OK, (await auditor.Http.GetAsync($"/pathways/{id}/therapy")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.Post(id, "lenvatinib/start", new { startedOn = start })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await service.Factory.CreateClient().GetAsync("/worklist")).StatusCode);
    }

    private async Task<(Guid Id, DateOnly Start)> PlannedPathway(DateOnly enrolledOn)
    {
        var (id, _, _) = await service.Enrol(enrolledOn);
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        return (id, planned.StartOn);
    }

    private async Task<long> Version(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
