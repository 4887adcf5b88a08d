using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.Delays;

/// <summary>The coordinator delays an outstanding item to a later date, with a reason; later items cascade (SCHED-CAM).</summary>
public static class DelayItem
{
    public sealed record Request(DateOnly? DueOn, string? Reason);

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions? options = null)
    {
        if (Checks.First(Checks.Planned(plan), Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        if (plan.Find(itemId) is not { } item)
        {
            return Rejection.NotFound($"Pathway {plan.Id} has no item {itemId}.");
        }

        if (!item.IsOutstanding)
        {
            return Rejection.Conflict($"{itemId} is {item.State.ToString().ToLowerInvariant()}; only an outstanding item can be delayed.");
        }

        if (request.DueOn is not { } dueOn || dueOn <= item.DueOn)
        {
            return Rejection.Invalid("dueOn", $"Required, and later than the current due date {item.DueOn:yyyy-MM-dd}.");
        }

        if (Checks.WithinHorizon(dueOn, "dueOn", today, options ?? new SchedulingOptions()) is { } tooFar)
        {
            return tooFar;
        }

        var delayed = new TherapyItemDelayed(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, dueOn, request.Reason!.Trim(), by, now);
        return Decision.Append([delayed, .. Cascade.Reschedules(plan.Apply(delayed), item.ItemId, RescheduleCauses.Delayed, delayed.Reason, by, now)]);
    }

    public static RouteGroupBuilder MapDelayItem(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/items/{itemId}/delay", (
                Guid pathwayId, string itemId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, itemId, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("DelayItem")
            .WithSummary("Delay an outstanding item to a later date; the items after it move with it.");
        return therapy;
    }
}
