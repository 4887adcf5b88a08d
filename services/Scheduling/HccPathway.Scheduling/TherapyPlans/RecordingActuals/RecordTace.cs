using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.RecordingActuals;

/// <summary>
/// A TACE session was performed (SCHED-TACE). It must follow the lenvatinib start, and a repeat session the last one
/// performed by the minimum interval (SCHED-TACE-REPEAT); camrelizumab cascades from it (SCHED-CAM).
/// </summary>
public static class RecordTace
{
    public sealed record Request(DateOnly? PerformedOn, int? SessionNumber);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options, ClinicalRuleSet? rules = null)
    {
        if (Checks.First(
                Checks.Planned(plan),
                Checks.ActualDate(request.PerformedOn, "performedOn", today, options, plan)) is { } rejected)
        {
            return rejected;
        }

        if (plan.NextOutstanding(TherapyItemTypes.Tace) is not { } item)
        {
            return Rejection.Conflict("No TACE session is outstanding in the plan.", "SCHED-TACE");
        }

        if (request.SessionNumber is { } session && session != item.Sequence)
        {
            return Checks.Invalid("sessionNumber", $"The next planned TACE session is number {item.Sequence}.", "SCHED-TACE");
        }

        if (plan.LenvatinibStartedOn is not { } lenvatinibStart)
        {
            return Rejection.Conflict("TACE follows the lenvatinib start (SCHED-TACE), and lenvatinib has not started.", "SCHED-TACE");
        }

        if (request.PerformedOn <= lenvatinibStart)
        {
            return Rejection.Conflict(
                $"TACE on {request.PerformedOn:yyyy-MM-dd} would not be after the lenvatinib start on {lenvatinibStart:yyyy-MM-dd} (SCHED-TACE).", "SCHED-TACE");
        }

        if (TaceIntervals.LastPerformed(plan) is { } last
            && TaceIntervals.TooSoon(last.ActualOn!.Value, request.PerformedOn!.Value, rules ?? ClinicalRuleSet.Default) is { } tooSoon)
        {
            return tooSoon;
        }

        if (Checks.NotHeld(plan, Drugs.Tace) is { } held)
        {
            return held;
        }

        var performed = new TacePerformed(plan.Id, item.ItemId, item.Sequence, request.PerformedOn!.Value, item.DueOn, by, now);
        return Decision.Append([performed, .. Cascade.Reschedules(plan.Apply(performed), item.ItemId, RescheduleCauses.Cascade, null, by, now)]);
    }

    public static RouteGroupBuilder MapRecordTace(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/tace", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options, rules), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordTace")
            .WithSummary("Record a performed TACE session; the camrelizumab series moves with its date.");
        return therapy;
    }
}
