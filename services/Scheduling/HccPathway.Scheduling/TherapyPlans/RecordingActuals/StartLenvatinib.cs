using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.RecordingActuals;

/// <summary>Lenvatinib actually started (SCHED-LEN): the conversion start, or the adjuvant restart. TACE cascades from it.</summary>
public static class StartLenvatinib
{
    public sealed record Request(DateOnly? StartedOn, decimal? DailyDoseMg, string? DoseReason);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options)
    {
        if (Checks.First(
                Checks.Planned(plan),
                Checks.ActualDate(request.StartedOn, "startedOn", today, options, plan)) is { } rejected)
        {
            return rejected;
        }

        if (plan.NextOutstanding(TherapyItemTypes.LenvatinibStart) is not { } item || plan.LenvatinibRunning)
        {
            return Rejection.Conflict("Lenvatinib is already running, or no lenvatinib start is outstanding in the plan.", "SCHED-LEN");
        }

        if (Checks.NotHeld(plan, Drugs.Lenvatinib) is { } held)
        {
            return held;
        }

        var planned = item.DoseMg ?? plan.LenvatinibDoseMg;
        var dose = request.DailyDoseMg ?? planned;
        if (DoseChecks.Mismatch(dose, planned, request.DoseReason, "dailyDoseMg", "SCHED-LEN", maxMg: 24m) is { } badDose)
        {
            return badDose;
        }

        if (plan.LenvatinibLastDoseOn is { } lastDose && request.StartedOn <= lastDose)
        {
            return Checks.Invalid("startedOn", $"Lenvatinib was last taken on {lastDose:yyyy-MM-dd}; a restart must be later.", "SCHED-LEN");
        }

        var started = new LenvatinibStarted(plan.Id, item.ItemId, request.StartedOn!.Value, item.DueOn, dose, planned,
            request.DoseReason?.Trim(), by, now);
        return Decision.Append([started, .. Cascade.Reschedules(plan.Apply(started), item.ItemId, RescheduleCauses.Cascade, null, by, now)]);
    }

    public static RouteGroupBuilder MapStartLenvatinib(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/lenvatinib/start", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("StartLenvatinib")
            .WithSummary("Record that lenvatinib actually started (dose defaults to the planned dose).");
        return therapy;
    }
}

/// <summary>A dose that differs from the plan needs a reason; a dose outside the plausible range is refused.</summary>
public static class DoseChecks
{
    public static Rejection? Mismatch(decimal dose, decimal planned, string? reason, string field, string ruleId, decimal maxMg)
    {
        if (dose <= 0 || dose > maxMg)
        {
            return Checks.Invalid(field, $"{dose} mg is outside 0–{maxMg} mg.", ruleId);
        }

        return dose != planned && string.IsNullOrWhiteSpace(reason)
            ? Checks.Invalid("doseReason", $"{dose} mg differs from the planned {planned} mg ({ruleId}); give the reason.", ruleId)
            : null;
    }
}
