using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans.Labs;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.OrderingTace;

/// <summary>
/// SCHED-TACE-REPEAT: a clinician orders another TACE session, on demand or after an MDT review, at least the minimum
/// interval after the latest session (performed, or still planned). It is a plan item like TACE-1 (<c>TACE-n</c>).
/// If camrelizumab has not started, its first dose now follows this session (SCHED-CAM: two weeks after TACE), and the
/// series moves with it.
/// </summary>
public static class OrderTace
{
    public sealed record Request(DateOnly? DueOn, string? Reason, Guid? MdtDecisionId);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options, ClinicalRuleSet rules)
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

        if (TaceIntervals.Latest(plan) is { } latest && TaceIntervals.TooSoon(latest.On, dueOn, rules) is { } tooSoon)
        {
            return tooSoon;
        }

        var number = TaceIntervals.Sessions(plan).Select(i => i.Sequence).DefaultIfEmpty(0).Max() + 1;
        var itemId = $"TACE-{number}";
        var session = new TherapyItemPlanned(plan.Id, itemId, TherapyItemTypes.Tace, Drugs.Tace, TherapyPhases.Conversion, number, dueOn, null,
            "transarterial", null, null, TaceIntervals.RuleId, rules.Version, now);
        var ordered = new TaceSessionOrdered(plan.Id, itemId, number, dueOn, request.Reason!.Trim(), request.MdtDecisionId,
            FirstCamrelizumabNotGiven(plan)?.ItemId, TaceIntervals.RuleId, rules.Version, by, now);
        var after = plan.Apply(session).Apply(ordered);
        object[] events = [session, ordered, .. Cascade.Reschedules(after, itemId, RescheduleCauses.Cascade, null, by, now)];

        // SCHED-LAB: the new session gets its labs.
        return Decision.Append([.. events, .. PreDoseLabs.Restore(AggregateFold<TherapyPlan>.Apply(plan, events), rules, now)]);
    }

    /// <summary>The conversion series' first dose, while it is outstanding and follows a TACE session (camrelizumab has not started).</summary>
    private static PlanItem? FirstCamrelizumabNotGiven(TherapyPlan plan)
    {
        var series = plan.Items.Where(i => i.ItemType == TherapyItemTypes.Camrelizumab && i.Phase == TherapyPhases.Conversion).ToList();
        return series.Any(i => i.State == ItemState.Done)
            ? null
            : series.FirstOrDefault(i => i.IsOutstanding && i.FollowsItemId is { } f && plan.Find(f)?.ItemType == TherapyItemTypes.Tace);
    }

    public static RouteGroupBuilder MapOrderTace(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/tace-sessions", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options, rules), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("OrderTaceSession")
            .WithSummary("Order another TACE session (clinicians only), at least the minimum interval after the last one (SCHED-TACE-REPEAT).");
        return therapy;
    }
}
