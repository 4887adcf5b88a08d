using System.Net;
using HccPathway.Contracts.Scheduling;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;
using HccPathway.Coordinator.Components.Pages.Today;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// The Today page and the patient calendar name every kind of plan item (labs, MDT reviews, follow-up imaging,
/// surveillance, the end of adjuvant therapy), offer each item type as a filter, and show the overdue date Scheduling's
/// deadline event recorded (SCHED-DUE).
/// </summary>
public sealed class ItemLabelTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static CalendarRowView Row(string itemId, string type, int sequence, string status = "upcoming", string phase = "conversion", DateOnly? overdueOn = null) =>
        new(PathwayId, itemId, type, "", phase, sequence, Today.AddDays(3), null, "", "SCHED", status, null, null, false, null, null, null, 0, null, overdueOn);

    private static readonly CalendarRowView[] Rows =
    [
        Row("LAB-CAM-3", TherapyItemTypes.PreDoseLabs, 3, "overdue", overdueOn: Today.AddDays(-1)),
        Row("MDT-2", TherapyItemTypes.MdtReview, 2),
        Row("FU-1", TherapyItemTypes.FollowUpImaging, 1, phase: "follow-up"),
        Row("SURV-WW-4", TherapyItemTypes.Surveillance, 4, phase: "follow-up"),
        Row("SURV-R-1", TherapyItemTypes.Surveillance, 1, phase: "follow-up"),
        Row("ADJ-END", TherapyItemTypes.AdjuvantEnd, 1, phase: "adjuvant"),
        Row("IMG-2", TherapyItemTypes.ResponseImaging, 2),
    ];

    [Fact]
    public void Every_item_type_has_a_readable_name_distinct_from_its_code()
    {
        var names = TherapyItemTypes.All.Select(ItemLabels.TypeName).ToArray();

        Assert.Equal(TherapyItemTypes.All.Count, names.Distinct().Count());
        Assert.Equal("MDT review", ItemLabels.TypeName(TherapyItemTypes.MdtReview));
        Assert.Equal("response imaging", ItemLabels.TypeName(TherapyItemTypes.ResponseImaging));
    }

    [Fact]
    public void The_today_filter_offers_every_item_type_and_the_rows_read_as_steps_with_the_overdue_date_from_the_event()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(new WorklistView(Today.AddDays(-30), Today.AddDays(7), Today, Rows, false),
            new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
        var stub = new StubServices(request => request.RequestUri!.AbsolutePath == "/worklist"
            ? StubServices.Json(HttpStatusCode.OK, json)
            : StubServices.Json(HttpStatusCode.OK, "[]"));
        StubServices.Register(this, stub);

        var page = Render<Today>();

        page.WaitForAssertion(() => Assert.Equal(Rows.Length, page.FindAll("[data-testid=worklist-row]").Count));
        var offered = page.FindAll("#itemType option").Select(o => o.GetAttribute("value") ?? "").Where(v => v != "").ToArray();
        Assert.Equal(TherapyItemTypes.All, offered);
        Assert.Contains("response imaging", page.Find("#itemType").TextContent);
        var items = page.FindAll("[data-testid=worklist-row] [data-testid=item]").Select(c => c.TextContent).ToArray();
        Assert.Contains(items, t => t.StartsWith("Pre-dose labs before CAM-3", StringComparison.Ordinal));
        Assert.Contains(items, t => t.StartsWith("MDT review 2", StringComparison.Ordinal));
        Assert.Contains(items, t => t.StartsWith("Follow-up imaging 1", StringComparison.Ordinal));
        Assert.Contains(items, t => t.StartsWith("Watch-and-wait surveillance 4", StringComparison.Ordinal));
        Assert.Contains(items, t => t.StartsWith("Recurrence surveillance 1", StringComparison.Ordinal));
        Assert.Contains(items, t => t.StartsWith("End of adjuvant therapy", StringComparison.Ordinal));
        Assert.Single(page.FindAll("[data-testid=overdue-since]"));
        Assert.Contains(Today.AddDays(-1).ToString("d MMM yyyy", System.Globalization.CultureInfo.InvariantCulture), page.Find("[data-testid=overdue-since]").TextContent);
    }

    [Fact]
    public void Choosing_an_item_type_asks_scheduling_for_that_type()
    {
        var stub = new StubServices(request => request.RequestUri!.AbsolutePath == "/worklist"
            ? StubServices.Json(HttpStatusCode.OK, """{"from":"2026-01-01","to":"2026-01-02","asOf":"2026-01-01","items":[],"truncated":false}""")
            : StubServices.Json(HttpStatusCode.OK, "[]"));
        StubServices.Register(this, stub);
        var page = Render<Today>();
        page.WaitForAssertion(() => Assert.Contains(stub.Requests, r => r.Path.StartsWith("/worklist", StringComparison.Ordinal)));

        page.Find("#itemType").Change(TherapyItemTypes.MdtReview);
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains(stub.Requests, r => r.Path.Contains("itemType=mdt-review", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_calendar_labels_the_new_steps_and_offers_no_dose_recording_for_them()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.OK, "{}")));
        var therapy = new Versioned<TherapyView>(new TherapyView(PathwayId, 5, Today.AddDays(-40), 8m, true, Today, [], Rows), "\"5\"");

        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, therapy));

        Assert.Contains("Pre-dose labs before CAM-3", view.Find("tr[data-item=LAB-CAM-3] th").TextContent);
        Assert.Contains("MDT review 2", view.Find("tr[data-item=MDT-2] th").TextContent);
        Assert.Contains("Follow-up imaging 1", view.Find("tr[data-item=FU-1] th").TextContent);
        Assert.Contains("End of adjuvant therapy", view.Find("tr[data-item=ADJ-END] th").TextContent);
        Assert.Contains("overdue since", view.Find("tr[data-item=LAB-CAM-3] [data-testid=status]").TextContent);
        Assert.DoesNotContain("Record dose", view.Find("tr[data-item=MDT-2]").TextContent);
        Assert.DoesNotContain("Record dose", view.Find("tr[data-item=LAB-CAM-3]").TextContent);
    }
}
