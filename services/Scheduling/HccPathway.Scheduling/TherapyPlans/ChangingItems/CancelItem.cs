using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.ChangingItems;

/// <summary>
/// SCHED-SKIP: the coordinator cancels an outstanding item, with a reason (the same event as a cancellation by SURG-WASH
/// or SURG-ADJ, naming SCHED-SKIP). Like a skip, it blocks nothing after it.
/// </summary>
public static class CancelItem
{
    public sealed record Request(string? Reason);

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now, ClinicalRuleSet rules) =>
        ItemStop.Decide(plan, itemId, request.Reason, "cancelled",
            (item, reason) => new TherapyItemCancelled(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, reason, "SCHED-SKIP", by, now),
            by, today, now, rules);

    public static RouteGroupBuilder MapCancelItem(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/items/{itemId}/cancel", (
                Guid pathwayId, string itemId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, itemId, request, http.User.ActorName(), writer.Today, writer.Now, rules), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("CancelItem")
            .WithSummary("Cancel an outstanding item, with the reason; the items after it stay due (SCHED-SKIP).");
        return therapy;
    }
}
