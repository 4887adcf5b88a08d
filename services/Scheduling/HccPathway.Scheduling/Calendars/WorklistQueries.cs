using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;

namespace HccPathway.Scheduling.Calendars;

/// <summary>
/// The coordinator's worklist across all patients for a date range: what is upcoming, due, overdue, held, done (and,
/// when asked, cancelled), filtered by status and item type. Each part is a range scan on an indexed column
/// (due date for outstanding and cancelled items, actual date for done ones).
/// </summary>
public static class WorklistQueries
{
    private const int MaxDays = 366;
    private const int MaxLimit = 5000;

    public sealed record Page(DateOnly From, DateOnly To, DateOnly AsOf, IReadOnlyList<CalendarRow> Items, bool Truncated);

    public static WebApplication MapWorklistQueries(this WebApplication app)
    {
        var worklist = app.MapGroup("/worklist").WithTags("Worklist");
        worklist.MapGet("/", async (
                DateOnly? from, DateOnly? to, string? status, string? itemType, DateOnly? asOf, int? limit,
                IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
            {
                var query = Parse(from, to, status, itemType, asOf, limit, clock.Today(session.TenantId));
                return query.Rejection is { } rejection
                    ? ProblemResults.From(rejection)
                    : TypedResults.Ok(await Run(query.Value!, session, rules, ct));
            })
            .RequireAuthorization(Policies.ReadSchedule)
            .WithName("GetWorklist")
            .WithSummary("Items across all patients in a date range (default today), with status (comma-separated) and item-type filters.");

        app.MapGet("/worklist.ics", async (
                DateOnly? from, DateOnly? to, string? status, string? itemType, DateOnly? asOf, int? limit,
                IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
            {
                var query = Parse(from, to, status, itemType, asOf, limit, clock.Today(session.TenantId));
                if (query.Rejection is { } rejection)
                {
                    return ProblemResults.From(rejection);
                }

                var page = await Run(query.Value!, session, rules, ct);
                return Results.Text(ICalendarWriter.Write($"Worklist {page.From:yyyy-MM-dd} to {page.To:yyyy-MM-dd}", page.Items, clock.GetUtcNow()), ICalendarWriter.ContentType);
            })
            .RequireAuthorization(Policies.ReadSchedule)
            .WithTags("Worklist")
            .WithName("GetWorklistFeed")
            .WithSummary("The same worklist as iCalendar (RFC 5545).");
        return app;
    }

    public sealed record Query(DateOnly From, DateOnly To, IReadOnlySet<string> Statuses, string? ItemType, DateOnly AsOf, int Limit);

    public static (Query? Value, Rejection? Rejection) Parse(
        DateOnly? from, DateOnly? to, string? status, string? itemType, DateOnly? asOf, int? limit, DateOnly today)
    {
        var start = from ?? today;
        var end = to ?? start;
        var errors = new Dictionary<string, string[]>();
        if (end < start || end.DayNumber - start.DayNumber >= MaxDays)
        {
            errors["to"] = [$"Must be on or after 'from' and at most {MaxDays} days after it."];
        }

        var statuses = (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (statuses.Except(ItemStatuses.All).Any())
        {
            errors["status"] = [$"One or more of: {string.Join(", ", ItemStatuses.All)}."];
        }

        if (itemType is not null && !TherapyItemTypes.All.Contains(itemType))
        {
            errors["itemType"] = [$"One of: {string.Join(", ", TherapyItemTypes.All)}."];
        }

        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"Between 1 and {MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return (null, Rejection.Invalid("The worklist query has invalid parameters.", errors));
        }

        // By default everything but cancelled and skipped items: they will not happen, and are noise unless asked for.
        var wanted = statuses.Count > 0 ? statuses : ItemStatuses.All.Where(s => s is not (ItemStatuses.Cancelled or ItemStatuses.Skipped)).ToHashSet();
        return (new Query(start, end, wanted, itemType, asOf ?? today, limit ?? 1000), null);
    }

    public static async Task<Page> Run(Query query, IQuerySession session, ClinicalRuleSet rules, CancellationToken ct)
    {
        var entries = new List<WorklistEntry>();
        var truncated = false;
        async Task Add(string state, bool byActualDate)
        {
            var part = await InRange(session, query, state, byActualDate, ct);
            truncated |= part.Count > query.Limit;
            entries.AddRange(part);
        }

        var outstanding = query.Statuses.Overlaps([ItemStatuses.Upcoming, ItemStatuses.Due, ItemStatuses.Overdue, ItemStatuses.Held]);
        if (outstanding)
        {
            await Add(WorklistEntry.States.Planned, byActualDate: false);
        }

        if (query.Statuses.Contains(ItemStatuses.Done))
        {
            await Add(WorklistEntry.States.Done, byActualDate: true);
        }

        if (query.Statuses.Contains(ItemStatuses.Cancelled))
        {
            await Add(WorklistEntry.States.Cancelled, byActualDate: false);
        }

        if (query.Statuses.Contains(ItemStatuses.Skipped))
        {
            await Add(WorklistEntry.States.Skipped, byActualDate: false);
        }

        var rows = entries
            .Select(e => CalendarRow.From(e, query.AsOf, rules.ScheduleOverdueGraceDays))
            .Where(r => query.Statuses.Contains(r.Status))
            .OrderBy(r => r.Date).ThenBy(r => r.PathwayId).ThenBy(r => r.ItemId, StringComparer.Ordinal)
            .ToList();
        return new Page(query.From, query.To, query.AsOf, rows.Take(query.Limit).ToArray(), truncated || rows.Count > query.Limit);
    }

    private static async Task<IReadOnlyList<WorklistEntry>> InRange(
        IQuerySession session, Query query, string state, bool byActualDate, CancellationToken ct)
    {
        var q = session.Query<WorklistEntry>().Where(e => e.State == state);
        q = byActualDate
            ? q.Where(e => e.ActualOn >= query.From && e.ActualOn <= query.To)
            : q.Where(e => e.DueOn >= query.From && e.DueOn <= query.To);
        if (query.ItemType is { } type)
        {
            q = q.Where(e => e.ItemType == type);
        }

        // One more than the limit per part is enough to know the page is truncated.
        return await q.OrderBy(e => e.DueOn).Take(query.Limit + 1).ToListAsync(ct);
    }
}
