using HccPathway.Clinical.Rules;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;

namespace HccPathway.Scheduling.Calendars;

/// <summary>A patient's full therapy calendar, as JSON and as an iCalendar feed.</summary>
public static class CalendarQueries
{
    public static RouteGroupBuilder MapCalendarQueries(this RouteGroupBuilder therapy)
    {
        therapy.MapGet("/", async (Guid pathwayId, DateOnly? asOf, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
                await Load(pathwayId, asOf, session, rules, clock, ct) is { } view
                    ? new VersionedResult(view, StatusCodes.Status200OK, null, view.Version)
                    : NotFound(pathwayId))
            .RequireAuthorization(Policies.ReadSchedule)
            .WithName("GetTherapyCalendar")
            .WithSummary("The patient's plan, holds and every item with its status; the ETag is the pathway version for If-Match.");

        therapy.MapGet("/calendar.ics", async (Guid pathwayId, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
                await Load(pathwayId, null, session, rules, clock, ct) is { } view
                    ? Results.Text(ICalendarWriter.Write($"Therapy {pathwayId:D}", view.Items, clock.GetUtcNow()), ICalendarWriter.ContentType)
                    : NotFound(pathwayId))
            .RequireAuthorization(Policies.ReadSchedule)
            .WithName("GetTherapyCalendarFeed")
            .WithSummary("The patient's therapy calendar as iCalendar (RFC 5545) for calendar clients.");
        return therapy;
    }

    public static async Task<CalendarView?> Load(
        Guid pathwayId, DateOnly? asOf, IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct)
    {
        if (await session.LoadAsync<TherapyCalendar>(pathwayId, ct) is not { } calendar)
        {
            return null;
        }

        // The stream is shared: another service's append moves its version, and If-Match must name the current one.
        var version = (await session.Events.FetchStreamStateAsync(pathwayId, ct))?.Version ?? calendar.Version;
        var day = asOf ?? clock.Today(session.TenantId);
        var plan = calendar.Plan;
        var rows = plan.Items
            .Select(i => CalendarRow.From(WorklistEntry.From(plan, i), day, rules.ScheduleOverdueGraceDays))
            .OrderBy(r => r.Date).ThenBy(r => r.ItemId, StringComparer.Ordinal)
            .ToArray();
        return new CalendarView(pathwayId, version, plan.StartOn, plan.LenvatinibDoseMg, plan.LenvatinibRunning, day, plan.Holds, rows);
    }

    private static IResult NotFound(Guid pathwayId) =>
        ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} has no therapy plan."));
}
