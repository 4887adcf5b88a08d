using System.Net;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// The regimen changes on the calendar: skip, cancel and reschedule an outstanding item (each with a reason, SCHED-SKIP)
/// and, for clinicians, order another TACE session (SCHED-TACE-REPEAT). Each is sent with the plan's version; a refusal
/// shows the service's detail and its rule.
/// </summary>
public sealed class PlanItemChangeTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private static CalendarRowView Row(string itemId, string type, string drug, string status, DateOnly due, string? cancelled = null, string? skipped = null) =>
        new(PathwayId, itemId, type, drug, "conversion", 2, due, type == "camrelizumab" ? 200m : null, "intravenous", "SCHED-CAM", status,
            null, null, false, null, cancelled, null, 1, skipped);

    private static Versioned<TherapyView> Therapy() => new(new TherapyView(PathwayId, 15, Today.AddDays(-30), 8m, true, Today, [],
        [
            Row("CAM-2", "camrelizumab", "camrelizumab", "upcoming", Today.AddDays(5)),
            Row("CAM-1", "camrelizumab", "camrelizumab", "skipped", Today.AddDays(-16), skipped: "Patient in hospital with pneumonia"),
            Row("TACE-2", "tace", "tace", "cancelled", Today.AddDays(-2), cancelled: "Angiography suite closed"),
        ]), "\"15\"");

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

    private IRenderedComponent<TherapyCalendar> Calendar(Action? onChanged = null) =>
        Render<TherapyCalendar>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Therapy, Therapy()).Add(c => c.OnChanged, () => onChanged?.Invoke()));

    [Fact]
    public void Skipped_and_cancelled_items_show_their_reason_and_offer_nothing_while_an_outstanding_one_can_be_skipped_cancelled_or_rescheduled()
    {
        Stub("coordinator", () => StubServices.Json(HttpStatusCode.OK, "{}"));

        var view = Calendar();

        var skipped = view.Find("tr[data-item=CAM-1]");
        Assert.Equal("skipped: Patient in hospital with pneumonia", skipped.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Empty(skipped.QuerySelectorAll("button"));
        var cancelled = view.Find("tr[data-item=TACE-2]");
        Assert.Equal("cancelled: Angiography suite closed", cancelled.QuerySelector("[data-testid=status]")!.TextContent);
        Assert.Empty(cancelled.QuerySelectorAll("button"));
        var outstanding = view.Find("tr[data-item=CAM-2]");
        Assert.Equal("upcoming", outstanding.QuerySelector("[data-testid=status]")!.TextContent);
        var buttons = outstanding.QuerySelectorAll("button").Select(b => b.TextContent).ToArray();
        Assert.Contains("Skip", buttons);
        Assert.Contains("Cancel item", buttons);
        Assert.Contains("Reschedule", buttons);
    }

    [Fact]
    public void A_skip_sends_its_reason_with_the_plans_version_and_a_refusal_shows_the_rule_and_changes_nothing()
    {
        var answers = new Queue<HttpResponseMessage>([
            StubServices.Json(HttpStatusCode.Conflict, """
                {"title":"The pathway's state does not allow this.","status":409,"ruleId":"SCHED-SKIP",
                 "detail":"CAM-2 is done; only an outstanding item can be skipped."}
                """),
            StubServices.Json(HttpStatusCode.OK, "{}"),
        ]);
        var (stub, ifMatch) = Stub("coordinator", answers.Dequeue);
        var changed = 0;
        var view = Calendar(() => changed++);

        view.Find("#skip-reason-CAM-2").Change("Patient declined this cycle");
        view.Find("tr[data-item=CAM-2]").QuerySelectorAll("button").Single(b => b.TextContent == "Skip").Click();

        view.WaitForAssertion(() => Assert.Contains("CAM-2 is done; only an outstanding item can be skipped.", view.Find("[data-testid=problem]").TextContent));
        Assert.Contains("(SCHED-SKIP)", view.Find("[data-testid=problem]").TextContent);
        Assert.Equal(0, changed);

        view.Find("tr[data-item=CAM-2]").QuerySelectorAll("button").Single(b => b.TextContent == "Skip").Click();

        view.WaitForAssertion(() => Assert.Equal(1, changed));
        Assert.Empty(view.FindAll("[data-testid=problem]"));
        Assert.All(stub.Requests, r => Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/items/CAM-2/skip"), (r.Method, r.Path)));
        Assert.Equal("""{"reason":"Patient declined this cycle"}""", stub.Requests[1].Body);
        Assert.Equal(["\"15\"", "\"15\""], ifMatch);
    }

    [Fact]
    public void A_cancel_and_a_reschedule_send_the_reason_and_the_new_date()
    {
        var (stub, ifMatch) = Stub("coordinator", () => StubServices.Json(HttpStatusCode.OK, "{}"));
        var view = Calendar();
        var moved = Today.AddDays(9);

        view.Find("#cancel-reason-CAM-2").Change("Stopped by the MDT");
        view.Find("tr[data-item=CAM-2]").QuerySelectorAll("button").Single(b => b.TextContent == "Cancel item").Click();
        view.WaitForAssertion(() => Assert.Single(stub.Requests));
        view.Find("#reschedule-CAM-2").Change(moved.ToString("yyyy-MM-dd"));
        view.Find("#reschedule-reason-CAM-2").Change("Infusion chair booked");
        view.Find("tr[data-item=CAM-2]").QuerySelectorAll("button").Single(b => b.TextContent == "Reschedule").Click();
        view.WaitForAssertion(() => Assert.Equal(2, stub.Requests.Count));

        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/items/CAM-2/cancel", """{"reason":"Stopped by the MDT"}"""), stub.Requests[0]);
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/items/CAM-2/reschedule",
            $$"""{"dueOn":"{{moved:yyyy-MM-dd}}","reason":"Infusion chair booked"}"""), stub.Requests[1]);
        Assert.Equal(["\"15\"", "\"15\""], ifMatch);
    }

    [Fact]
    public void A_clinician_orders_a_tace_session_and_a_session_inside_the_interval_is_refused_with_its_rule()
    {
        var (stub, ifMatch) = Stub("clinician", () => StubServices.Json(HttpStatusCode.Conflict, """
            {"title":"The pathway's state does not allow this.","status":409,"ruleId":"SCHED-TACE-REPEAT",
             "detail":"A TACE session on 2026-12-10 would be less than 28 days after the session on 2026-12-01; the earliest is 2026-12-29 (SCHED-TACE-REPEAT)."}
            """));
        var changed = 0;
        var view = Calendar(() => changed++);
        var on = Today.AddDays(20);

        var form = view.Find("[data-testid=order-tace]");
        Assert.Equal(Today.ToString("yyyy-MM-dd"), form.QuerySelector("#tace-dueOn")!.GetAttribute("value"));
        view.Find("#tace-dueOn").Change(on.ToString("yyyy-MM-dd"));
        view.Find("#tace-reason").Change("Residual viable tumour");
        view.Find("[data-testid=order-tace] button").Click();

        view.WaitForAssertion(() => Assert.Contains("the earliest is 2026-12-29", view.Find("[data-testid=order-tace] [data-testid=problem]").TextContent));
        Assert.Contains("(SCHED-TACE-REPEAT)", view.Find("[data-testid=order-tace] [data-testid=problem]").TextContent);
        Assert.Equal(0, changed);
        Assert.Equal("Residual viable tumour", view.Find("#tace-reason").GetAttribute("value"));
        var (method, path, body) = Assert.Single(stub.Requests);
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/therapy/tace-sessions"), (method, path));
        Assert.Equal($$"""{"dueOn":"{{on:yyyy-MM-dd}}","reason":"Residual viable tumour"}""", body);
        Assert.Equal("\"15\"", Assert.Single(ifMatch));
    }

    [Fact]
    public void Only_clinicians_order_tace_sessions()
    {
        Stub("coordinator", () => StubServices.Json(HttpStatusCode.OK, "{}"));

        var view = Calendar();

        Assert.Empty(view.FindAll("[data-testid=order-tace]"));
    }
}
