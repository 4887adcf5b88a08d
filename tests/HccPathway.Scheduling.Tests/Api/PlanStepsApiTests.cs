using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>
/// Every bookable step is a plan item, through real PostgreSQL and RabbitMQ: labs (SCHED-LAB), the MDT review after a
/// response assessment (SCHED-MDT), follow-up imaging after second line (SCHED-FU), watch-and-wait and recurrence
/// surveillance (SCHED-SURV) and the end of the adjuvant course, in the calendar, the worklist and the iCalendar feed.
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class PlanStepsApiTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    private async Task Deliver(Guid pathwayId, object message)
    {
        var messageId = await service.AppendUpstream(pathwayId, message);
        switch (message)
        {
            case ResponseAssessed m: await service.Publish(m, messageId); break;
            case MdtDecisionRecorded m: await service.Publish(m, messageId); break;
            case AdjuvantTherapyDecided m: await service.Publish(m, messageId); break;
        }
    }

    private static MdtDecisionRecorded Decided(Guid id, string outcome) =>
        new(id, Guid.NewGuid(), outcome, "Reviewed the latest study", ["oncologist"], Today, null, null, true, "dr-house", DateTimeOffset.UtcNow);

    private async Task<JsonElement> CalendarWhen(Guid id, Func<JsonElement, bool> ready)
    {
        JsonElement calendar = default;
        await Eventually.True(async () => ready(calendar = await coordinator.Calendar(id)));
        return calendar;
    }

    private static bool Has(JsonElement calendar, string itemId, string? status = null) =>
        calendar.Items().Any(i => i.Str("itemId") == itemId && (status is null || i.Str("status") == status));

    [Fact]
    public async Task A_plan_gets_labs_an_MDT_review_follow_up_imaging_and_surveillance_items_in_the_calendar_the_worklist_and_the_feed()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-10));
        var planned = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        await Eventually.True(async () => (await coordinator.Http.GetAsync($"/pathways/{id}/therapy")).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = planned.StartOn })).StatusCode);

        // SCHED-LAB: labs two days before TACE-1, with the dose's phase and no drug.
        var calendar = await coordinator.Calendar(id);
        var labs = calendar.Item("LAB-TACE-1");
        Assert.Equal(("pre-dose-labs", "SCHED-LAB", calendar.Item("TACE-1").Date("dueOn").AddDays(-2), ""),
            (labs.Str("itemType"), labs.Str("ruleId"), labs.Date("dueOn"), labs.Str("drug")));

        // SCHED-MDT: a response study books its review a week later.
        var criteria = new CriteriaResponse("mRECIST", "RESP-MRECIST", "PD", 40m, 80m, 80m, 30m, 30m, "PD", "PD");
        await Deliver(id, new ResponseAssessed(id, Guid.NewGuid(), Today, ImagingModalities.Ct, false, Guid.NewGuid(), Today.AddDays(-12),
            criteria, criteria, [], ExtrahepaticStatuses.None, ClinicalRuleSet.Default.Version, DateTimeOffset.UtcNow));
        calendar = await CalendarWhen(id, c => Has(c, "MDT-1"));
        Assert.Equal(("mdt-review", Today.AddDays(7)), (calendar.Item("MDT-1").Str("itemType"), calendar.Item("MDT-1").Date("dueOn")));
        var range = $"from={Today:yyyy-MM-dd}&to={Today.AddDays(14):yyyy-MM-dd}";
        var worklist = await coordinator.Http.GetFromJsonAsync<JsonElement>($"/worklist?{range}&itemType=mdt-review");
        Assert.Contains(worklist.GetProperty("items").EnumerateArray(), i => i.GetProperty("pathwayId").GetGuid() == id && i.Str("itemId") == "MDT-1");

        // Second line holds the review, ends conversion with its labs, and books follow-up imaging (SCHED-FU).
        var secondLine = Decided(id, MdtOutcomes.SecondLine);
        await Deliver(id, secondLine);
        calendar = await CalendarWhen(id, c => Has(c, "MDT-1", "done") && Has(c, "FU-2") && Has(c, "LAB-CAM-2", "cancelled"));
        Assert.Equal(Today.AddDays(42), calendar.Item("FU-1").Date("dueOn"));
        Assert.Equal(Today.AddDays(84), calendar.Item("FU-2").Date("dueOn"));
        var held = Assert.Single((await service.Stream(id)).Select(e => e.Data).OfType<MdtReviewHeld>());
        Assert.Equal(("MDT-1", secondLine.DecisionId), (held.ItemId, held.MdtDecisionId));

        // Watch-and-wait replaces follow-up imaging with surveillance (SCHED-SURV).
        await Deliver(id, Decided(id, MdtOutcomes.WatchAndWait));
        calendar = await CalendarWhen(id, c => Has(c, "SURV-WW-2") && Has(c, "FU-1", "cancelled"));
        Assert.Equal(Today.AddMonths(3), calendar.Item("SURV-WW-1").Date("dueOn"));

        // Surgery: recurrence surveillance from its date and the end of the adjuvant course.
        await Deliver(id, new AdjuvantTherapyDecided(id, Today, Today.AddMonths(1), 6, [Drugs.Camrelizumab], "R0", ClinicalRuleSet.Default.Version, "dr-house",
            DateTimeOffset.UtcNow));
        calendar = await CalendarWhen(id, c => Has(c, "ADJ-END") && Has(c, "SURV-R-2"));
        Assert.Equal(Today.AddMonths(1).AddMonths(6), calendar.Item("ADJ-END").Date("dueOn"));
        Assert.Equal(Today.AddMonths(3), calendar.Item("SURV-R-1").Date("dueOn"));
        Assert.True(Has(calendar, "SURV-WW-1", "cancelled"));

        // The feed parses back with every new item, all-day (no item carries a time), under its readable summary.
        var feed = Ical.Net.Calendar.Load(await coordinator.Http.GetStringAsync($"/pathways/{id}/therapy/calendar.ics"))!;
        Assert.Equal(calendar.Items().Count(), feed.Events.Count);
        foreach (var (itemId, summary) in new[]
                 {
                     ("LAB-TACE-1", "CANCELLED: Pre-dose labs (blood count, liver, thyroid) before TACE-1"), ("MDT-1", "MDT review of response assessment 1"),
                     ("FU-1", "CANCELLED: Follow-up imaging 1"), ("SURV-R-1", "Surveillance imaging and tumour markers 1"), ("ADJ-END", "End of adjuvant therapy"),
                 })
        {
            var entry = Assert.Single(feed.Events, e => e.Uid == $"{id:D}-{itemId}@hccpathway");
            Assert.Equal($"{summary} ({itemId})", entry.Summary);
            Assert.Equal(calendar.Item(itemId).Date("date"), entry.DtStart!.Date);
            Assert.False(entry.DtStart.HasTime);
        }
    }
}
