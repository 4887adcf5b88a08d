using System.Net;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>What the calendar offers per row: resume for a held drug, nothing for a done item, record/delay/missed otherwise.</summary>
public sealed class TherapyCalendarTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static CalendarRowView Row(string itemId, string type, string drug, string status, DateOnly due, DateOnly? actual = null) =>
        new(PathwayId, itemId, type, drug, "conversion", 1, due, type == "camrelizumab" ? 200m : 8m, "oral", "SCHED", status, actual, null,
            false, null, null, status == "held" ? Today.AddDays(-2) : null, 1);

    private static Versioned<TherapyView> Therapy() => new(new TherapyView(PathwayId, 12, Today.AddDays(-40), 8m, true, Today,
        [new HoldView(Guid.NewGuid(), "camrelizumab", Guid.NewGuid(), "Rash", 3, Today.AddDays(-2), Today, null)],
        [
            Row("len-start", "lenvatinib-start", "lenvatinib", "done", Today.AddDays(-40), Today.AddDays(-40)),
            Row("cam-2", "camrelizumab", "camrelizumab", "held", Today.AddDays(1)),
            Row("tace-2", "tace", "tace", "overdue", Today.AddDays(-10)),
        ]), "\"12\"");

    [Fact]
    public void A_held_row_offers_resume_to_a_clinician_a_done_row_offers_nothing_and_an_overdue_row_can_be_recorded_or_missed()
    {
        var stub = new StubServices(_ => StubServices.Json(HttpStatusCode.OK, "{}"));
        StubServices.Register(this, stub, role: "clinician");

        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy()));

        var held = view.Find("tr[data-item=cam-2]");
        Assert.DoesNotContain("Record dose", held.TextContent);
        Assert.Contains("Resume camrelizumab", held.TextContent);
        Assert.Empty(view.Find("tr[data-item=len-start]").QuerySelectorAll("button"));
        var overdue = view.Find("tr[data-item=tace-2]");
        Assert.Contains("TACE performed", overdue.TextContent);
        Assert.Contains("Mark missed", overdue.TextContent);

        view.Find("#resume-reason-cam-2").Change("AE back to grade 1");
        held.QuerySelector("button")!.Click();

        view.WaitForAssertion(() => Assert.Single(stub.Requests));
        var (method, path, body) = stub.Requests[0];
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/holds/camrelizumab/resume"), (method, path));
        Assert.Contains("\"reason\":\"AE back to grade 1\"", body);
    }

    [Fact]
    public void A_coordinator_sees_that_a_clinician_resumes_a_held_drug()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.OK, "{}")));

        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy()));

        var held = view.Find("tr[data-item=cam-2]");
        Assert.Empty(held.QuerySelectorAll("button"));
        Assert.Contains("a clinician resumes camrelizumab", held.TextContent);
    }

    [Fact]
    public void A_stale_calendar_action_offers_a_reload()
    {
        StubServices.Register(this, new StubServices(_ => StubServices.Json(HttpStatusCode.Conflict,
            """{"title":"The pathway was changed by someone else.","status":409}""")));
        var reloaded = 0;
        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy())
            .Add(c => c.OnChanged, () => reloaded++));

        view.Find("tr[data-item=tace-2] button").Click();

        view.WaitForAssertion(() => Assert.Contains("Someone else changed this patient", view.Find("[data-testid=problem]").TextContent));
        view.Find("[data-testid=problem] button").Click();
        Assert.Equal(1, reloaded);
    }
}
