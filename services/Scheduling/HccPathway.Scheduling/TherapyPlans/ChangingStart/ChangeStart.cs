using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.ChangingStart;

/// <summary>The coordinator chooses the regimen's start (default: the next working day after enrolment) until lenvatinib starts.</summary>
public static class ChangeStart
{
    public sealed record Request(DateOnly? StartOn, string? Reason);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions? options = null)
    {
        if (Checks.First(Checks.Planned(plan)) is { } notPlanned)
        {
            return notPlanned;
        }

        if (request.StartOn is not { } startOn || startOn < today.AddDays(-1))
        {
            return Rejection.Invalid("startOn", "Required; not in the past.");
        }

        if (Checks.First(Checks.WithinHorizon(startOn, "startOn", today, options ?? new SchedulingOptions()), Checks.Required(request.Reason, "reason")) is { } invalid)
        {
            return invalid;
        }

        if (plan.Find(PlanIds.LenvatinibStart) is not { IsOutstanding: true })
        {
            return Rejection.Conflict("Lenvatinib has already started (or was cancelled); the start can no longer change.", "SCHED-LEN");
        }

        if (startOn == plan.StartOn)
        {
            return Rejection.Conflict($"The regimen already starts on {startOn:yyyy-MM-dd}.");
        }

        var changed = new RegimenStartChanged(plan.Id, plan.StartOn, startOn, request.Reason!.Trim(), by, now);
        var moved = Cascade.Reschedules(plan.Apply(changed), PlanIds.LenvatinibStart, RescheduleCauses.StartChanged, changed.Reason, by, now);
        return Decision.Append([changed, .. moved]);
    }

    public static RouteGroupBuilder MapChangeStart(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/start-date", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("ChangeRegimenStart")
            .WithSummary("Move the regimen's start before lenvatinib starts; every item moves with it.");
        return therapy;
    }
}
