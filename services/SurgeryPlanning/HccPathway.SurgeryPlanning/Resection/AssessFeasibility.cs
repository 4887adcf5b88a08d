using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>The surgeon records whether R0 resection is feasible and any other contraindication (SURG-READY (2), (5)).</summary>
public static class AssessFeasibility
{
    public sealed record Request(DateOnly? AssessedOn, bool? R0ResectionFeasible, bool? OtherContraindication, string? Notes);

    public static Decision Decide(SurgeryPathway pathway, Request request, string surgeon, DateOnly today, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.AssessedOn is not { } on || on > today || on < pathway.ReferredOn)
        {
            errors["assessedOn"] = ["Required; not in the future and not before the referral."];
        }

        if (request.R0ResectionFeasible is null)
        {
            errors["r0ResectionFeasible"] = ["Required: true or false."];
        }

        if (request.OtherContraindication is null)
        {
            errors["otherContraindication"] = ["Required: true or false."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The surgical assessment has invalid fields.", errors);
        }

        if (pathway.ResectionPerformed is not null)
        {
            return Rejection.Conflict("The resection has been performed; readiness is settled.", "SURG-READY");
        }

        return Decision.Append(new SurgicalFeasibilityAssessed(pathway.Id, Guid.CreateVersion7(), request.AssessedOn!.Value,
            request.R0ResectionFeasible!.Value, request.OtherContraindication!.Value, request.Notes?.Trim(), surgeon, now));
    }

    public static RouteGroupBuilder MapAssessFeasibility(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/surgical-feasibility", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch, (p, _) => Decide(p, request, http.User.ActorName(), commands.Today, commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("AssessSurgicalFeasibility")
            .WithSummary("Record the surgeon's assessment: R0 resection feasible, other contraindication (SURG-READY 2 and 5).");
        return pathways;
    }
}
