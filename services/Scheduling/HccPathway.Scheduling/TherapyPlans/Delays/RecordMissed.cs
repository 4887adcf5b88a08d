using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.Delays;

/// <summary>An item was due and did not happen; the reason is recorded and the item stays outstanding until delayed.</summary>
public static class RecordMissed
{
    public sealed record Request(string? Reason);

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now)
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
            return Rejection.Conflict($"{itemId} is {item.State.ToString().ToLowerInvariant()}; only an outstanding item can be missed.");
        }

        if (item.DueOn > today)
        {
            return Rejection.Conflict($"{itemId} is not due until {item.DueOn:yyyy-MM-dd}; it cannot have been missed yet. Delay it instead.");
        }

        return Decision.Append(new TherapyItemMissed(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, request.Reason!.Trim(), by, now));
    }

    public static RouteGroupBuilder MapRecordMissed(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/items/{itemId}/missed", (
                Guid pathwayId, string itemId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, itemId, request, http.User.ActorName(), writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordMissedItem")
            .WithSummary("Record that a due item did not happen, with the reason.");
        return therapy;
    }
}
