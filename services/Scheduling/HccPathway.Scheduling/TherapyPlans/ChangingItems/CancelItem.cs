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

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now, ClinicalRuleSet rules)
    {
        if (Checks.First(Checks.Planned(plan), Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        var (item, notOutstanding) = Checks.Outstanding(plan, itemId, "cancelled");
        if (item is null)
        {
            return notOutstanding!;
        }

        var cancelled = new TherapyItemCancelled(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, request.Reason!.Trim(), "SCHED-SKIP", by, now);
        var moved = Cascade.Reschedules(plan.Apply(cancelled), item.ItemId, RescheduleCauses.Cascade, null, by, now);
        return Decision.Append(Horizon.Restore(plan, [cancelled, .. moved], rules, today, now));
    }

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
