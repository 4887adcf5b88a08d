using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.RecordingActuals;

/// <summary>Lenvatinib stopped; the last dose date is what the washout before surgery counts from (SURG-WASH).</summary>
public static class StopLenvatinib
{
    public sealed record Request(DateOnly? LastDoseOn, string? Reason);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options)
    {
        if (Checks.First(
                Checks.Planned(plan),
                Checks.ActualDate(request.LastDoseOn, "lastDoseOn", today, options, plan),
                Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        if (!plan.LenvatinibRunning)
        {
            return Rejection.Conflict("Lenvatinib is not running.", "SCHED-LEN");
        }

        if (request.LastDoseOn < plan.LenvatinibStartedOn)
        {
            return Rejection.Invalid("lastDoseOn", $"Lenvatinib started on {plan.LenvatinibStartedOn:yyyy-MM-dd}; the last dose cannot be earlier.");
        }

        var plannedStop = plan.NextOutstanding(TherapyItemTypes.LenvatinibStop)?.ItemId;
        return Decision.Append(new LenvatinibStopped(plan.Id, plannedStop, request.LastDoseOn!.Value, plan.LenvatinibDoseMg, request.Reason!.Trim(), by, now));
    }

    public static RouteGroupBuilder MapStopLenvatinib(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/lenvatinib/stop", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("StopLenvatinib")
            .WithSummary("Record that lenvatinib stopped, with the last dose date and the reason.");
        return therapy;
    }
}
