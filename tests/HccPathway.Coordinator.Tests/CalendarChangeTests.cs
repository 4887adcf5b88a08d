using System.Net;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>The calendar's plan changes: the lenvatinib dose (clinicians, SCHED-HOLD) and the regimen start (before lenvatinib starts).</summary>
public sealed class CalendarChangeTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly Guid RashId = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static CalendarRowView Row(string itemId, string type, string drug, string status, DateOnly due) =>
        new(PathwayId, itemId, type, drug, "conversion", 1, due, type == "camrelizumab" ? 200m : 12m, "oral", "SCHED", status,
            status == "done" ? due : null, null, false, null, null, null, 1);

    /// <summary>A plan with lenvatinib running (after a rash held camrelizumab) or, when not started, one still to start.</summary>
    private static Versioned<TherapyView> Therapy(bool lenvatinibStarted) => new(new TherapyView(PathwayId, 9, Today.AddDays(3), 12m,
        lenvatinibStarted, Today,
        lenvatinibStarted ? [new HoldView(Guid.NewGuid(), "camrelizumab", RashId, "Rash maculo-papular", 3, Today.AddDays(-2), null, null)] : [],
        [Row("len-start", "lenvatinib-start", "lenvatinib", lenvatinibStarted ? "done" : "upcoming", Today.AddDays(3))]), "\"9\"");

    private (StubServices Stub, List<string?> IfMatch) Stub(string role, Func<HttpResponseMessage> answer)
    {
        var ifMatch = new List<string?>();
        var stub = new StubServices(request =>
        {
            ifMatch.Add(request.Headers.IfMatch.FirstOrDefault()?.ToString());
            return answer();
        });
        StubServices.Register(this, stub, role: role);
        return (stub, ifMatch);
    }

    [Fact]
    public void A_clinician_changes_the_lenvatinib_dose_and_the_servers_dose_error_appears_under_the_dose()
    {
        var (stub, ifMatch) = Stub("clinician", () => StubServices.Json(HttpStatusCode.BadRequest, """
            {"title":"The request has invalid fields.","status":400,"ruleId":"SCHED-HOLD",
             "errors":{"dailyDoseMg":["Must be a dose level of the rule set (12, 8, 4 mg) and at most the planned 8 mg."]}}
            """));
        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy(lenvatinibStarted: true)));
        var form = view.Find("[data-testid=lenvatinib-dose]");
        Assert.Contains("(mg/day)", form.QuerySelector("label[for=dose-dailyDoseMg]")!.TextContent);
        Assert.Equal("Effective from", form.QuerySelector("label[for=dose-effectiveOn]")!.TextContent);
        Assert.Empty(view.FindAll("[data-testid=regimen-start]"));

        view.Find("#dose-dailyDoseMg").Change("8");
        view.Find("#dose-reason").Change("Grade 3 hypertension");
        view.Find("#dose-adverseEventId").Change(RashId.ToString());
        view.FindAll("button").Single(b => b.TextContent == "Change dose").Click();

        view.WaitForAssertion(() => Assert.Equal("Must be a dose level of the rule set (12, 8, 4 mg) and at most the planned 8 mg.",
            view.Find("[data-testid=lenvatinib-dose] [data-field=dailyDoseMg]").TextContent));
        Assert.Equal("true", view.Find("#dose-dailyDoseMg").GetAttribute("aria-invalid"));
        Assert.Null(view.Find("#dose-reason").GetAttribute("aria-invalid"));
        var (method, path, body) = Assert.Single(stub.Requests);
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/lenvatinib/dose"), (method, path));
        Assert.Contains("\"dailyDoseMg\":8", body);
        Assert.Contains($"\"effectiveOn\":\"{Today:yyyy-MM-dd}\"", body);
        Assert.Contains("\"reason\":\"Grade 3 hypertension\"", body);
        Assert.Contains($"\"adverseEventId\":\"{RashId}\"", body);
        Assert.Equal("\"9\"", Assert.Single(ifMatch));
    }

    [Fact]
    public void A_coordinator_cannot_change_the_dose_but_can_move_a_start_that_has_not_happened()
    {
        Stub("coordinator", () => StubServices.Json(HttpStatusCode.OK, "{}"));

        var running = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy(lenvatinibStarted: true)));
        var planned = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy(lenvatinibStarted: false)));

        Assert.Empty(running.FindAll("[data-testid=lenvatinib-dose]"));
        Assert.Empty(running.FindAll("[data-testid=regimen-start]"));
        Assert.Equal(Today.AddDays(3).ToString("yyyy-MM-dd"), planned.Find("#start-startOn").GetAttribute("value"));
    }

    [Fact]
    public void A_start_change_shows_errors_by_its_fields_then_a_stale_plan_offers_a_reload_that_keeps_the_input()
    {
        var answers = new Queue<HttpResponseMessage>([
            StubServices.Json(HttpStatusCode.BadRequest, """{"title":"The request has invalid fields.","status":400,"errors":{"reason":["Required."]}}"""),
            StubServices.Json(HttpStatusCode.Conflict, """{"title":"The pathway was changed by someone else.","status":409}"""),
        ]);
        var (stub, ifMatch) = Stub("coordinator", answers.Dequeue);
        var reloaded = 0;
        var view = Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy(lenvatinibStarted: false))
            .Add(c => c.OnChanged, () => reloaded++));
        var moved = Today.AddDays(10);

        view.Find("#start-startOn").Change(moved.ToString("yyyy-MM-dd"));
        view.FindAll("button").Single(b => b.TextContent == "Change start").Click();
        view.WaitForAssertion(() => Assert.Equal("Required.", view.Find("[data-testid=regimen-start] [data-field=reason]").TextContent));
        Assert.Equal("true", view.Find("#start-reason").GetAttribute("aria-invalid"));

        view.Find("#start-reason").Change("Patient travelling");
        view.FindAll("button").Single(b => b.TextContent == "Change start").Click();
        view.WaitForAssertion(() => Assert.Contains("Someone else changed this patient", view.Find("[data-testid=regimen-start] [data-testid=problem]").TextContent));
        view.Find("[data-testid=regimen-start] [data-testid=problem] button").Click();

        Assert.Equal(1, reloaded);
        Assert.Empty(view.FindAll("[data-testid=problem]"));
        Assert.Equal("Patient travelling", view.Find("#start-reason").GetAttribute("value"));
        Assert.Equal(moved.ToString("yyyy-MM-dd"), view.Find("#start-startOn").GetAttribute("value"));
        Assert.All(stub.Requests, r => Assert.Equal($"/pathways/{PathwayId}/therapy/start-date", r.Path));
        Assert.Contains($"\"startOn\":\"{moved:yyyy-MM-dd}\",\"reason\":\"Patient travelling\"", stub.Requests[1].Body);
        Assert.Equal(["\"9\"", "\"9\""], ifMatch);
    }
}
