using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.RecordingActuals;

/// <summary>
/// A camrelizumab dose was given (SCHED-CAM, or SURG-ADJ after surgery): the next outstanding dose, after the item it
/// follows. Later doses cascade from its date, and the conversion series plans one more dose (SCHED-CYCLES).
/// An item before it that was missed, skipped or cancelled does not block it (SCHED-SKIP).
/// </summary>
public static class RecordCamrelizumab
{
    public sealed record Request(DateOnly? AdministeredOn, decimal? DoseMg, string? DoseReason);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, SchedulingOptions options, ClinicalRuleSet rules)
    {
        if (Checks.First(
                Checks.Planned(plan),
                Checks.ActualDate(request.AdministeredOn, "administeredOn", today, options, plan)) is { } rejected)
        {
            return rejected;
        }

        if (plan.NextOutstanding(TherapyItemTypes.Camrelizumab) is not { } item)
        {
            return Rejection.Conflict("No camrelizumab dose is outstanding in the plan.", "SCHED-CAM");
        }

        if (item.FollowsItemId is { } previousId && plan.Find(previousId) is { } previous)
        {
            // Only an item still expected to happen first blocks this one: a missed, skipped or cancelled one does not.
            if (previous.IsOutstanding && previous.MissedReason is null)
            {
                return Rejection.Conflict($"{item.ItemId} follows {previous.ItemId}, which has not been done (SCHED-CAM); skip or cancel it, or record it missed.", "SCHED-CAM");
            }

            if (previous.State == ItemState.Done && request.AdministeredOn <= previous.ActualOn)
            {
                return Rejection.Conflict(
                    $"{item.ItemId} on {request.AdministeredOn:yyyy-MM-dd} would not be after {previous.ItemId} on {previous.ActualOn:yyyy-MM-dd} (SCHED-CAM).", "SCHED-CAM");
            }
        }

        if (Checks.NotHeld(plan, Drugs.Camrelizumab) is { } held)
        {
            return held;
        }

        var planned = item.DoseMg ?? 0m;
        var dose = request.DoseMg ?? planned;
        if (DoseChecks.Mismatch(dose, planned, request.DoseReason, "doseMg", "SCHED-CAM", maxMg: 1000m) is { } badDose)
        {
            return badDose;
        }

        var given = new CamrelizumabAdministered(plan.Id, item.ItemId, item.Sequence, request.AdministeredOn!.Value, item.DueOn, dose, planned,
            request.DoseReason?.Trim(), by, now);
        var after = plan.Apply(given);
        return Decision.Append(Horizon.Restore(plan, [given, .. Cascade.Reschedules(after, item.ItemId, RescheduleCauses.Cascade, null, by, now)], rules, today, now));
    }

    public static RouteGroupBuilder MapRecordCamrelizumab(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/camrelizumab", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                SchedulingOptions options, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, options, rules), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordCamrelizumab")
            .WithSummary("Record the next camrelizumab dose (date and dose; a dose other than planned needs a reason).");
        return therapy;
    }
}
