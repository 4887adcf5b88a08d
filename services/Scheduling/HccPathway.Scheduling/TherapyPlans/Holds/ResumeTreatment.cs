using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.Holds;

/// <summary>
/// SCHED-HOLD: resuming a held drug is a clinician's explicit decision, possible once every AE holding it is back to
/// grade ≤ 1. It closes all of that drug's holds; a lower lenvatinib dose is recorded separately.
/// </summary>
public static class ResumeTreatment
{
    public sealed record Request(DateOnly? ResumedOn, string? Reason);

    public static Decision Decide(TherapyPlan plan, string drug, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options)
    {
        if (!Drugs.LenTap.Contains(drug))
        {
            return Rejection.NotFound($"'{drug}' is not a drug of the regimen ({string.Join(", ", Drugs.LenTap)}).");
        }

        if (Checks.First(
                Checks.NotExited(plan),
                Checks.ActualDate(request.ResumedOn, "resumedOn", today, options, plan),
                Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        var open = plan.OpenHolds(drug);
        if (open.Count == 0)
        {
            return Rejection.Conflict($"{drug} is not held.", "SCHED-HOLD");
        }

        if (open.FirstOrDefault(h => !h.IsResumable) is { } active)
        {
            return Rejection.Conflict(
                $"Adverse event {active.AdverseEventId} ({active.CtcaeTerm}) has not returned to grade ≤ 1; {drug} stays held (SCHED-HOLD).", "SCHED-HOLD");
        }

        var resumableFrom = open.Max(h => h.ResumableFrom!.Value);
        if (request.ResumedOn < resumableFrom)
        {
            return Checks.Invalid("resumedOn", $"The adverse event resolved on {resumableFrom:yyyy-MM-dd}; resumption cannot be earlier.", "SCHED-HOLD");
        }

        return Decision.Append(new TreatmentResumed(plan.Id, drug, request.ResumedOn!.Value, open.Select(h => h.HoldId).ToArray(), request.Reason!.Trim(), by, now));
    }

    public static RouteGroupBuilder MapResumeTreatment(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/holds/{drug}/resume", (
                Guid pathwayId, string drug, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http,
                PathwayWriter writer, SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, drug, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("ResumeTreatment")
            .WithSummary("Resume a held drug once its adverse events are back to grade 1 or less (clinicians only).");
        return therapy;
    }
}
