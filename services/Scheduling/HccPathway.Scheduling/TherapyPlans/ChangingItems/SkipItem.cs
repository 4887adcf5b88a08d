using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.ChangingItems;

/// <summary>
/// SCHED-SKIP: the coordinator skips an outstanding item, with a reason. It blocks nothing after it: the next item stays
/// due from the skipped one's due date, and a skipped camrelizumab dose or imaging study plans one more at the end
/// (SCHED-CYCLES, SCHED-IMG).
/// </summary>
public static class SkipItem
{
    public sealed record Request(string? Reason);

    public static Decision Decide(TherapyPlan plan, string itemId, Request request, string by, DateOnly today, DateTimeOffset now, ClinicalRuleSet rules) =>
        ItemStop.Decide(plan, itemId, request.Reason, "skipped",
            (item, reason) => new TherapyItemSkipped(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, reason, by, now),
            by, today, now, rules);

    public static RouteGroupBuilder MapSkipItem(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/items/{itemId}/skip", (
                Guid pathwayId, string itemId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, itemId, request, http.User.ActorName(), writer.Today, writer.Now, rules), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("SkipItem")
            .WithSummary("Skip an outstanding item, with the reason; the items after it stay due (SCHED-SKIP).");
        return therapy;
    }
}
