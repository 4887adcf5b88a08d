using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>
/// SurgeryPlanning's resection messages over real RabbitMQ and PostgreSQL: the resection item appears in the calendar,
/// worklist and iCalendar feed on the booked date, moves with it (and the lenvatinib stop with it), and is cancelled.
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class ResectionItemApiTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    private static WashoutEvaluation NoWashout => new(Today, [], Today, false, null, []);

    [Fact]
    public async Task A_resection_booked_rescheduled_and_cancelled_moves_its_item_and_the_lenvatinib_stop_and_a_duplicate_appends_nothing()
    {
        var id = await LenvatinibRunning();
        var resectionId = Guid.NewGuid();
        var bookedOn = Today.AddDays(35);
        var booked = new ResectionScheduled(id, resectionId, Guid.NewGuid(), bookedOn, "right hepatectomy", ReadinessVerdicts.Ready, [], NoWashout,
            false, null, "2025.1", "dr-grey", DateTimeOffset.UtcNow);
        var bookedEventId = await service.AppendUpstream(id, booked);
        await service.Publish(booked, bookedEventId);

        var calendar = await CalendarWhen(id, c => c.Items().Any(i => i.Str("itemId") == "RES-1"));
        Assert.Equal(bookedOn, calendar.Item("RES-1").Date("dueOn"));
        Assert.Equal(TherapyItemTypes.Resection, calendar.Item("RES-1").Str("itemType"));
        Assert.Equal(bookedOn.AddDays(-7), calendar.Item("LEN-STOP-1").Date("dueOn"));
        var range = $"from={Today:yyyy-MM-dd}&to={Today.AddDays(60):yyyy-MM-dd}";
        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?{range}&itemType=resection");
        var row = Assert.Single(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("pathwayId").GetGuid() == id);
        Assert.Equal(bookedOn, row.Date("dueOn"));
        var ics = (await coordinator.Http.GetStringAsync($"/pathways/{id}/therapy/calendar.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"UID:{id:D}-RES-1@hccpathway", ics, StringComparison.Ordinal);
        Assert.Contains("Resection (surgery: right hepatectomy)", ics, StringComparison.Ordinal);

        // The same booking again under another message id (a replayed publish) changes nothing.
        var length = (await service.Stream(id)).Count;
        var duplicateId = Guid.NewGuid();
        await service.Publish(booked, duplicateId);
        await Eventually.True(() => service.Processed("scheduling-resection-scheduled", duplicateId), what: "the duplicate consumed");
        Assert.Equal(length, (await service.Stream(id)).Count);

        var movedOn = Today.AddDays(42);
        var moved = new ResectionRescheduled(id, resectionId, bookedOn, movedOn, "Theatre list moved.", ReadinessVerdicts.Ready, [], NoWashout,
            false, null, "2025.1", "dr-grey", DateTimeOffset.UtcNow);
        await service.Publish(moved, await service.AppendUpstream(id, moved));

        calendar = await CalendarWhen(id, c => c.Item("RES-1").Date("dueOn") == movedOn);
        Assert.Equal(movedOn.AddDays(-7), calendar.Item("LEN-STOP-1").Date("dueOn"));
        var rescheduled = (await service.Stream(id)).Select(e => e.Data).OfType<TherapyItemRescheduled>().Single(r => r.ItemId == "RES-1");
        Assert.Equal((bookedOn, "Theatre list moved."), (rescheduled.PreviousDueOn, rescheduled.Reason));

        var cancelled = new ResectionCancelled(id, resectionId, movedOn, "Patient declined surgery.", "dr-grey", DateTimeOffset.UtcNow);
        await service.Publish(cancelled, await service.AppendUpstream(id, cancelled));

        calendar = await CalendarWhen(id, c => c.Item("RES-1").Str("status") == "cancelled");
        Assert.Equal("cancelled", calendar.Item("LEN-STOP-1").Str("status"));
        var cancellation = (await service.Stream(id)).Select(e => e.Data).OfType<TherapyItemCancelled>().Single(c => c.ItemId == "RES-1");
        Assert.Contains("Patient declined surgery.", cancellation.Reason);
    }

    private async Task<Guid> LenvatinibRunning()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-40));
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        var started = await coordinator.Post(id, "lenvatinib/start", new { startedOn = planned!.StartOn });
        started.EnsureSuccessStatusCode();
        return id;
    }

    private async Task<JsonElement> CalendarWhen(Guid id, Func<JsonElement, bool> condition) =>
        (await Eventually.Get(async () =>
        {
            var calendar = await coordinator.Calendar(id);
            return condition(calendar) ? calendar : (JsonElement?)null;
        }, what: "the calendar following the resection booking"))!.Value;
}
