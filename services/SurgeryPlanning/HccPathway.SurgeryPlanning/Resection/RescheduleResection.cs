using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// Moves the booked resection to another date, with a reason. SURG-READY and SURG-WASH are judged again for the new
/// date, with the same override as scheduling; a resection already performed or cancelled cannot be moved.
/// </summary>
public static class RescheduleResection
{
    public sealed record Request(DateOnly? ScheduledOn, string? Reason, ScheduleResection.Override? Override);

    public static Decision Decide(
        SurgeryPathway pathway, PatientChecklist checklist, Request request, string clinician, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ScheduledOn is null)
        {
            errors["scheduledOn"] = ["Required."];
        }

        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            errors["reason"] = ["Say why the resection moves."];
        }

        if (request.Override is { } o && string.IsNullOrWhiteSpace(o.Reason))
        {
            errors["override.reason"] = ["An override needs the clinician's reason."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The reschedule request has invalid fields.", errors);
        }

        var on = request.ScheduledOn!.Value;
        if (pathway.EnrolledOn is { } enrolled && on < enrolled)
        {
            return Rejection.Invalid("scheduledOn", $"The resection cannot be dated before the enrolment on {enrolled:yyyy-MM-dd}.");
        }

        if (BookedResection.Refusal(pathway, "rescheduled") is { } notBooked)
        {
            return notBooked;
        }

        var scheduled = pathway.ResectionScheduled!;
        var bookedOn = pathway.ResectionBookedOn!.Value;
        if (pathway.MdtDecisions.FirstOrDefault(d => d.DecisionId == scheduled.MdtDecisionId) is { } mdt && on < mdt.DecidedOn)
        {
            return Rejection.Invalid("scheduledOn", "The resection cannot be scheduled before the MDT decided it.");
        }

        if (on == bookedOn)
        {
            return Rejection.Invalid("scheduledOn", $"The resection is already booked for {bookedOn:yyyy-MM-dd}.");
        }

        // SURG-READY and SURG-WASH are judged for the new date.
        var clearance = SurgeryClearance.For(checklist, on, today, rules);
        if (request.Override is null && clearance.Refusal("The new date is not cleared; a clinician may override with a reason.") is { } refusal)
        {
            return refusal;
        }

        return Decision.Append(new ResectionRescheduled(pathway.Id, scheduled.ResectionId, bookedOn, on, request.Reason!.Trim(),
            clearance.Readiness.Verdict, clearance.NotPassing, clearance.Washout, request.Override is not null, request.Override?.Reason?.Trim(),
            rules.Version, clinician, now));
    }

    public static RouteGroupBuilder MapRescheduleResection(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/resection/reschedule", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch,
                (p, c) => Decide(p, c, request, http.User.ActorName(), commands.Rules, commands.Today, commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("RescheduleResection")
            .WithSummary("Move the booked resection to a new date with a reason (clinicians): SURG-READY and SURG-WASH are judged for the new date.");
        return pathways;
    }
}
