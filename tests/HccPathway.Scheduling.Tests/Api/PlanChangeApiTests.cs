using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>Repeat TACE, skip/cancel/reschedule and leaving the pathway, through the HTTP API and the broker.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class PlanChangeApiTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));
    private readonly SchedulingClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-house"));

    [Fact]
    public async Task A_clinician_orders_TACE_2_after_the_interval_and_it_is_in_the_calendar_the_worklist_and_the_iCalendar_feed()
    {
        var (id, start) = await AfterTace(Today.AddDays(-40));
        var tace1 = start.AddDays(14);
        var before = await Version(id);

        var tooSoon = await SchedulingClient.Problem(
            await clinician.Post(id, "tace-sessions", new { dueOn = Today, reason = "MDT: residual enhancement" }), HttpStatusCode.Conflict);
        Assert.Equal("SCHED-TACE-REPEAT", tooSoon.Str("ruleId"));
        Assert.Equal(before, await Version(id));

        var dueOn = tace1.AddDays(28) > Today ? tace1.AddDays(28) : Today;
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.Post(id, "tace-sessions", new { dueOn, reason = "MDT" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clinician.Post(id, "tace-sessions", new { dueOn, reason = "MDT: residual enhancement" })).StatusCode);

        var calendar = await coordinator.Calendar(id);
        Assert.Equal((dueOn, "SCHED-TACE-REPEAT", 2), (calendar.Item("TACE-2").Date("dueOn"), calendar.Item("TACE-2").Str("ruleId"), calendar.Item("TACE-2").GetProperty("sequence").GetInt32()));
        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?from={dueOn:yyyy-MM-dd}&to={dueOn:yyyy-MM-dd}&itemType=tace");
        Assert.Contains(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("pathwayId").GetGuid() == id && i.Str("itemId") == "TACE-2");
        var ics = (await coordinator.Http.GetStringAsync($"/pathways/{id}/therapy/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"UID:{id:D}-TACE-2@hccpathway", ics, StringComparison.Ordinal);
        Assert.Contains("TACE session 2 (TACE-2)", ics, StringComparison.Ordinal);
        await service.Subscriber.WaitFor<TaceSessionOrdered>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
    }

    [Fact]
    public async Task A_skipped_dose_leaves_the_next_one_due_and_it_can_be_given()
    {
        var (id, start) = await AfterTace(Today.AddDays(-40));
        var cam1 = (await coordinator.Calendar(id)).Item("CAM-1").Date("dueOn");

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "items/CAM-1/skip", new { reason = "Patient unwell" })).StatusCode);

        var calendar = await coordinator.Calendar(id);
        Assert.Equal(("skipped", "Patient unwell"), (calendar.Item("CAM-1").Str("status"), calendar.Item("CAM-1").Str("skippedReason")));
        Assert.Equal(cam1.AddDays(21), calendar.Item("CAM-2").Date("dueOn"));
        Assert.Equal(6, calendar.Items().Count(i => i.Str("itemType") == "camrelizumab" && i.Str("status") is not ("done" or "skipped" or "cancelled")));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "camrelizumab", new { administeredOn = Today })).StatusCode);
        Assert.Equal(("done", Today), ((await coordinator.Calendar(id)).Item("CAM-2").Str("status"), (await coordinator.Calendar(id)).Item("CAM-2").Date("actualOn")));
        Assert.Contains((await service.Stream(id)).Select(e => e.Data).OfType<TherapyItemPlanned>(), p => p.ItemId == "CAM-8" && p.RuleId == "SCHED-CYCLES");
    }

    [Fact]
    public async Task A_reschedule_without_reason_is_400_and_skipping_a_done_item_is_409_and_neither_appends()
    {
        var (id, _) = await AfterTace(Today.AddDays(-40));
        var before = await Version(id);

        var noReason = await SchedulingClient.Problem(await coordinator.Post(id, "items/CAM-2/reschedule", new { dueOn = Today.AddDays(30) }), HttpStatusCode.BadRequest);
        var done = await SchedulingClient.Problem(await coordinator.Post(id, "items/TACE-1/skip", new { reason = "Not needed" }), HttpStatusCode.Conflict);

        Assert.Contains("reason", noReason.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Contains("done", done.Str("detail"), StringComparison.Ordinal);
        Assert.Equal(before, await Version(id));
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "items/CAM-2/reschedule", new { dueOn = Today.AddDays(30), reason = "Chair booked" })).StatusCode);
        Assert.Equal(Today.AddDays(30), (await coordinator.Calendar(id)).Item("CAM-2").Date("dueOn"));
    }

    [Fact]
    public async Task An_exit_cancels_every_outstanding_item_drops_them_from_the_worklist_and_later_commands_are_409()
    {
        var (id, start) = await AfterTace(Today.AddDays(-40));
        var exit = new PathwayExited(id, PathwayExitReason.TransferredToAnotherCentre, Today, "Transferred to the regional centre", "dr-house", DateTimeOffset.UtcNow);

        var exitId = await service.AppendUpstream(id, exit);
        await service.Publish(exit, exitId);

        var calendar = (await Eventually.Get(async () => await coordinator.Calendar(id) is var c
            && c.Items().All(i => i.Str("status") is "done" or "cancelled") ? (JsonElement?)c : null))!.Value;
        var cancelled = calendar.Items().Where(i => i.Str("status") == "cancelled").ToList();
        Assert.Contains(cancelled, i => i.Str("itemId") == "CAM-6");
        Assert.All(cancelled, i => Assert.StartsWith("PATH-EXIT", i.Str("cancelledReason"), StringComparison.Ordinal));
        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?from={start:yyyy-MM-dd}&to={start.AddDays(200):yyyy-MM-dd}");
        Assert.DoesNotContain(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("pathwayId").GetGuid() == id && i.Str("status") != "done");
        var ics = await coordinator.Http.GetStringAsync($"/pathways/{id}/therapy/calendar.ics");
        Assert.Equal(cancelled.Count, ics.Split("STATUS:CANCELLED").Length - 1);

        var before = await Version(id);
        var refused = await SchedulingClient.Problem(await coordinator.Post(id, "camrelizumab", new { administeredOn = Today }), HttpStatusCode.Conflict);
        var refusedSkip = await SchedulingClient.Problem(await coordinator.Post(id, "items/CAM-1/skip", new { reason = "x" }), HttpStatusCode.Conflict);
        Assert.Equal(("PATHWAY-EXITED", "PATHWAY-EXITED"), (refused.Str("ruleId"), refusedSkip.Str("ruleId")));
        Assert.Equal(before, await Version(id));

        // A second delivery of the exit cancels nothing more.
        var redeliveryId = Guid.NewGuid();
        await service.Publish(exit, redeliveryId);
        await Eventually.True(() => service.Processed("scheduling-close-on-exit", redeliveryId));
        Assert.Equal(cancelled.Count, (await service.Stream(id)).Count(e => e.Data is TherapyItemCancelled c && c.RuleId == "PATH-EXIT"));
    }

    /// <summary>Enrolled on <paramref name="enrolledOn"/>, lenvatinib started as planned, TACE-1 performed on day 14.</summary>
    private async Task<(Guid Id, DateOnly Start)> AfterTace(DateOnly enrolledOn)
    {
        var (id, _, _) = await service.Enrol(enrolledOn);
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = planned.StartOn })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "tace", new { performedOn = planned.StartOn.AddDays(14) })).StatusCode);
        return (id, planned.StartOn);
    }

    private async Task<long> Version(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))!.Version;
    }
}
