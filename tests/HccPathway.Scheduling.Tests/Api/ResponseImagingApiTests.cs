using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>SCHED-IMG through the HTTP API: response imaging in the calendar, the worklist and the iCalendar feed.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class ResponseImagingApiTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public async Task Enrolment_plans_response_imaging_that_shows_in_the_calendar_the_worklist_and_the_iCalendar_feed_and_a_skip_plans_the_next()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-10));
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = planned.StartOn })).StatusCode);

        var calendar = await coordinator.Calendar(id);
        var img1 = calendar.Item("IMG-1");
        Assert.Equal(("response-imaging", "SCHED-IMG", planned.StartOn.AddDays(42), "upcoming"), (img1.Str("itemType"), img1.Str("ruleId"), img1.Date("dueOn"), img1.Str("status")));
        Assert.Equal(planned.StartOn.AddDays(84), calendar.Item("IMG-2").Date("dueOn"));
        var range = $"from={planned.StartOn:yyyy-MM-dd}&to={planned.StartOn.AddDays(100):yyyy-MM-dd}";
        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?{range}&itemType=response-imaging");
        Assert.Equal(["IMG-1", "IMG-2"], worklist.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("pathwayId").GetGuid() == id).Select(i => i.Str("itemId")));

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "items/IMG-1/skip", new { reason = "Scanner down" })).StatusCode);

        calendar = await coordinator.Calendar(id);
        Assert.Equal(planned.StartOn.AddDays(126), calendar.Item("IMG-3").Date("dueOn"));
        var response = await coordinator.Http.GetAsync($"/pathways/{id}/therapy/calendar.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var feed = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var rows = calendar.Items().ToList();
        Assert.Equal(rows.Count, feed.Events.Count);
        foreach (var row in rows)
        {
            var entry = Assert.Single(feed.Events, e => e.Uid == $"{id:D}-{row.Str("itemId")}@hccpathway");
            Assert.Equal(row.Date("date"), entry.DtStart!.Date);
            Assert.False(entry.DtStart.HasTime);
            Assert.Equal(row.GetProperty("revision").GetInt32(), entry.Sequence);
            Assert.Equal(row.Str("status") is "cancelled" or "skipped" ? "CANCELLED" : "CONFIRMED", entry.Status);
        }

        var skipped = Assert.Single(feed.Events, e => e.Uid == $"{id:D}-IMG-1@hccpathway");
        Assert.Equal(("CANCELLED", 1), (skipped.Status, skipped.Sequence));
        Assert.Equal("Response imaging (CT/MRI, mRECIST) 3 (IMG-3)", Assert.Single(feed.Events, e => e.Uid == $"{id:D}-IMG-3@hccpathway").Summary);
    }

    [Fact]
    public async Task A_plan_written_without_imaging_items_gets_them_with_the_next_dose_in_the_calendar_and_the_feed()
    {
        var id = Guid.NewGuid();
        var enrolment = new PatientEnrolled(id, ["ELIG-2"], 70m, Today.AddDays(-20), "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);
        await service.AppendUpstream(id, enrolment);
        // The stream as the build before SCHED-IMG wrote it: the regimen and its items, no imaging.
        foreach (var e in PlanRegimen.Decide(new TherapyPlan(), enrolment, Guid.NewGuid(), ClinicalRuleSet.Default, DateOnly.FromDateTime(DateTime.UtcNow), DateTimeOffset.UtcNow).Events
                     .Where(e => e is not TherapyItemPlanned { ItemType: TherapyItemTypes.ResponseImaging })
                     .Select(e => e is RegimenPlanned r ? r with { ItemIds = [.. r.ItemIds.Where(i => !i.StartsWith("IMG-", StringComparison.Ordinal))] } : e))
        {
            await service.AppendUpstream(id, e);
        }

        var start = (await coordinator.Calendar(id)).Item("LEN-1").Date("dueOn");
        Assert.DoesNotContain((await coordinator.Calendar(id)).Items(), i => i.Str("itemType") == "response-imaging");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = start })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "tace", new { performedOn = start.AddDays(14) })).StatusCode);
        Assert.DoesNotContain((await coordinator.Calendar(id)).Items(), i => i.Str("itemType") == "response-imaging");

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "camrelizumab", new { administeredOn = Today })).StatusCode);

        var calendar = await coordinator.Calendar(id);
        Assert.Equal(
            [("IMG-1", start.AddDays(42)), ("IMG-2", start.AddDays(84))],
            calendar.Items().Where(i => i.Str("itemType") == "response-imaging").Select(i => (i.Str("itemId"), i.Date("dueOn"))));
        var feed = Ical.Net.Calendar.Load(await coordinator.Http.GetStringAsync($"/pathways/{id}/therapy/calendar.ics"))!;
        Assert.Equal(start.AddDays(42), Assert.Single(feed.Events, e => e.Uid == $"{id:D}-IMG-1@hccpathway").DtStart!.Date);
    }

    [Fact]
    public async Task A_follow_up_study_assessed_by_Assessment_marks_the_next_imaging_item_done_once_and_books_another()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-10));
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        var criteria = new CriteriaResponse("mRECIST", "RESP-MRECIST", "PR", 40m, 80m, 80m, -50m, -50m, "PR", "PR");
        var assessed = new ResponseAssessed(id, Guid.NewGuid(), Today, ImagingModalities.Ct, false, Guid.NewGuid(), Today.AddDays(-12),
            criteria, criteria, [], ExtrahepaticStatuses.None, ClinicalRuleSet.Default.Version, DateTimeOffset.UtcNow);

        var messageId = await service.AppendUpstream(id, assessed);
        await service.Publish(assessed, messageId);
        await service.Publish(assessed, messageId);

        var performed = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<ResponseImagingPerformed>().FirstOrDefault());
        Assert.Equal(("IMG-1", Today, planned.StartOn.AddDays(42)), (performed.ItemId, performed.PerformedOn, performed.PlannedOn));
        var calendar = await coordinator.Calendar(id);
        Assert.Equal(("done", Today), (calendar.Item("IMG-1").Str("status"), calendar.Item("IMG-1").Date("actualOn")));
        Assert.Equal(planned.StartOn.AddDays(126), calendar.Item("IMG-3").Date("dueOn"));
        Assert.Single((await service.Stream(id)).Select(e => e.Data).OfType<ResponseImagingPerformed>());
    }
}
