using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// Schedules the resection an MDT "resect" decision intended. The checklist must be all pass (SURG-READY) on the booked
/// date and that date on or after the earliest safe date with no outstanding washout prerequisite (SURG-WASH); otherwise only a
/// clinician's explicit override with a reason is accepted, and the event records what was overridden.
/// </summary>
public static class ScheduleResection
{
    public sealed record Override(string? Reason);

    public sealed record Request(DateOnly? ScheduledOn, string? Procedure, Override? Override);

    public static Decision Decide(
        SurgeryPathway pathway, PatientChecklist checklist, Request request, string clinician, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.ScheduledOn is null)
        {
            errors["scheduledOn"] = ["Required."];
        }

        if (string.IsNullOrWhiteSpace(request.Procedure))
        {
            errors["procedure"] = ["Name the planned procedure (e.g. right hepatectomy)."];
        }

        if (request.Override is { } o && string.IsNullOrWhiteSpace(o.Reason))
        {
            errors["override.reason"] = ["An override needs the clinician's reason."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The resection request has invalid fields.", errors);
        }

        if (pathway.EnrolledOn is { } enrolled && request.ScheduledOn!.Value < enrolled)
        {
            return Rejection.Invalid("scheduledOn", $"The resection cannot be dated before the enrolment on {enrolled:yyyy-MM-dd}.");
        }

        if (pathway.LastMdt is not { Outcome: MdtOutcomes.Resect } mdt)
        {
            return Rejection.Conflict("The latest MDT decision is not to resect; record an MDT decision first.", "SURG-READY");
        }

        if (request.ScheduledOn!.Value < mdt.DecidedOn)
        {
            return Rejection.Invalid("scheduledOn", "The resection cannot be scheduled before the MDT decided it.");
        }

        if (pathway.ResectionPerformed is not null || pathway.ResectionScheduled is not null)
        {
            return Rejection.Conflict("A resection is already scheduled or performed for this pathway.");
        }

        // SURG-READY and SURG-WASH are judged for the booked date, not for today.
        var clearance = SurgeryClearance.For(checklist, request.ScheduledOn.Value, today, rules);
        if (request.Override is null && clearance.Refusal("Surgery is not cleared; a clinician may override with a reason.") is { } refusal)
        {
            return refusal;
        }

        return Decision.Append(new ResectionScheduled(pathway.Id, Guid.CreateVersion7(), mdt.DecisionId, request.ScheduledOn.Value,
            request.Procedure!.Trim(), clearance.Readiness.Verdict, clearance.NotPassing, clearance.Washout,
            request.Override is not null, request.Override?.Reason?.Trim(), rules.Version, clinician, now));
    }

    public static RouteGroupBuilder MapScheduleResection(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/resection", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch,
                (p, c) => Decide(p, c, request, http.User.ActorName(), commands.Rules, commands.Today, commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("ScheduleResection")
            .WithSummary("Schedule the resection (clinicians): SURG-READY all pass and SURG-WASH cleared, or an explicit override with a reason.");
        return pathways;
    }
}
