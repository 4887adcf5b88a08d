using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>Booking, moving and cancelling a resection over HTTP and real PostgreSQL: refusals append nothing.</summary>
[Collection(SurgeryPlanningCollection.Name)]
public class ResectionBookingApiTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly DateOnly EnrolledOn = Today.AddMonths(-4);
    private static readonly object Override = new { reason = "Values recorded on paper; MDT reviewed." };

    private async Task<int> StreamLength(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    private async Task<(Guid Id, HttpClient Clinician)> DecidedToResect()
    {
        var id = await host.NewEnrolledPathway(EnrolledOn);
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-grey");
        var decided = await clinician.PostAsJsonAsync($"/pathways/{id}/mdt-decisions", new
        {
            outcome = MdtOutcomes.Resect, rationale = "Reviewed.", attendees = new[] { "surgeon" }, decidedOn = Today, intendedSurgeryOn = Today.AddDays(14),
        });
        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        return (id, clinician);
    }

    private static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Given_a_booked_resection_when_rescheduled_then_cancelled_then_both_reach_subscribers_and_bad_requests_append_nothing()
    {
        var (id, clinician) = await DecidedToResect();
        var booked = await clinician.PostAsJsonAsync($"/pathways/{id}/resection", new { scheduledOn = Today.AddDays(7), procedure = "right hepatectomy", @override = Override });
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var length = await StreamLength(id);

        var noReason = await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = Today.AddDays(14), @override = Override }), HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var beforeEnrolment = await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = EnrolledOn.AddDays(-1), reason = "Earlier slot.", @override = Override }), HttpStatusCode.BadRequest);
        Assert.Contains("enrolment", beforeEnrolment.GetProperty("detail").GetString());
        var notCleared = await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = Today.AddDays(14), reason = "Theatre list moved." }), HttpStatusCode.Conflict);
        Assert.Equal("SURG-READY", notCleared.GetProperty("ruleId").GetString());
        await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/cancellation", new { reason = "" }), HttpStatusCode.BadRequest);
        Assert.Equal(length, await StreamLength(id));

        var moved = await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = Today.AddDays(14), reason = "Theatre list moved.", @override = Override });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var surgery = await clinician.GetFromJsonAsync<JsonElement>($"/pathways/{id}/surgery");
        Assert.Equal(Today.AddDays(14), DateOnly.Parse(surgery.GetProperty("resection").GetProperty("scheduledOn").GetString()!));

        var cancelled = await clinician.PostAsJsonAsync($"/pathways/{id}/resection/cancellation", new { reason = "Patient declined surgery." });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        length = await StreamLength(id);
        await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/cancellation", new { reason = "Again." }), HttpStatusCode.Conflict);
        await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = Today.AddDays(21), reason = "New slot.", @override = Override }), HttpStatusCode.Conflict);
        Assert.Equal(length, await StreamLength(id));

        var rescheduled = await host.Subscriber.WaitFor<ResectionRescheduled>(m => m.Header("hcc-pathway-id") == id.ToString());
        Assert.Equal(Today.AddDays(7), DateOnly.Parse(rescheduled.Message.GetProperty("previousScheduledOn").GetString()!));
        Assert.Equal("Theatre list moved.", rescheduled.Message.GetProperty("reason").GetString());
        var cancellation = await host.Subscriber.WaitFor<ResectionCancelled>(m => m.Header("hcc-pathway-id") == id.ToString());
        Assert.Equal(Today.AddDays(14), DateOnly.Parse(cancellation.Message.GetProperty("scheduledOn").GetString()!));
    }

    [Fact]
    public async Task Given_a_TACE_session_ten_days_ago_when_booking_a_week_ahead_then_409_names_SURG_WASH_and_the_earliest_safe_date()
    {
        var (id, clinician) = await DecidedToResect();
        await using (var session = host.Store.LightweightSession())
        {
            session.Events.Append(id, new TacePerformed(id, "TACE-1", 1, Today.AddDays(-10), Today.AddDays(-10), "dr", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var length = await StreamLength(id);
        var refused = await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection",
            new { scheduledOn = Today.AddDays(7), procedure = "right hepatectomy" }), HttpStatusCode.Conflict);
        Assert.Equal("SURG-WASH", refused.GetProperty("ruleId").GetString());
        Assert.Contains("earliest safe date " + Today.AddDays(18).ToString("yyyy-MM-dd"), refused.GetProperty("detail").GetString());
        var beforeEnrolment = await clinician.PostAsJsonAsync($"/pathways/{id}/resection",
            new { scheduledOn = EnrolledOn.AddDays(-1), procedure = "right hepatectomy", @override = Override });
        Assert.Equal(HttpStatusCode.BadRequest, beforeEnrolment.StatusCode);
        Assert.Equal(length, await StreamLength(id));
    }

    [Fact]
    public async Task Given_a_performed_resection_when_rescheduled_or_cancelled_then_409_and_nothing_appended()
    {
        var (id, clinician) = await DecidedToResect();
        var booked = await clinician.PostAsJsonAsync($"/pathways/{id}/resection", new { scheduledOn = Today, procedure = "right hepatectomy", @override = Override });
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var performed = await clinician.PostAsJsonAsync($"/pathways/{id}/resection/outcome", new { performedOn = Today, margin = "R0", viableTumourPercent = 0 });
        Assert.Equal(HttpStatusCode.OK, performed.StatusCode);
        var length = await StreamLength(id);

        var moved = await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/reschedule",
            new { scheduledOn = Today.AddDays(7), reason = "Later.", @override = Override }), HttpStatusCode.Conflict);
        Assert.Equal("SURG-PATH", moved.GetProperty("ruleId").GetString());
        await Problem(await clinician.PostAsJsonAsync($"/pathways/{id}/resection/cancellation", new { reason = "Too late." }), HttpStatusCode.Conflict);
        Assert.Equal(length, await StreamLength(id));
    }
}
