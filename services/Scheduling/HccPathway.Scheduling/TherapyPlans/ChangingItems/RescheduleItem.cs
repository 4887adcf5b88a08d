using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.ChangingItems;

/// <summary>
/// The coordinator moves an outstanding item to another date, earlier or later, with a reason (a delay only moves it
/// later). The item is fixed to that date from then on (cause <c>rescheduled</c>); the items after it cascade from it.
/// </summary>
public static class RescheduleItem
{
    public sealed record Request(DateOnly? DueOn, string? Reason);

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options)
    {
        if (Checks.First(Checks.Planned(plan), Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        if (request.DueOn is not { } dueOn || dueOn < today)
        {
            return Rejection.Invalid("dueOn", "Required; not in the past.");
        }

        if (Checks.WithinHorizon(dueOn, "dueOn", today, options) is { } tooFar)
        {
            return tooFar;
        }

        var (item, notOutstanding) = Checks.Outstanding(plan, itemId, "rescheduled");
        if (item is null)
        {
            return notOutstanding!;
        }

        if (dueOn == item.DueOn)
        {
            return Rejection.Conflict($"{itemId} is already due on {dueOn:yyyy-MM-dd}.");
        }

        var moved = new TherapyItemRescheduled(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, dueOn, RescheduleCauses.Rescheduled, null,
            request.Reason!.Trim(), item.RuleId, plan.RuleSetVersion, by, now);
        return Decision.Append([moved, .. Cascade.Reschedules(plan.Apply(moved), item.ItemId, RescheduleCauses.Cascade, moved.Reason, by, now)]);
    }

    public static RouteGroupBuilder MapRescheduleItem(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/items/{itemId}/reschedule", (
                Guid pathwayId, string itemId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, itemId, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RescheduleItem")
            .WithSummary("Move an outstanding item to another date, with the reason; the items after it move with it.");
        return therapy;
    }
}
