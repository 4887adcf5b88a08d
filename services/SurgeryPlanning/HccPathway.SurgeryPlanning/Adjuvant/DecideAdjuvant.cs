using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Adjuvant;

/// <summary>
/// SURG-ADJ: after conversion resection, an anti-angiogenic drug plus an ICI for 6–12 months starting one month after
/// surgery; by default the systemic part of the conversion regimen. Scheduling plans it from the event.
/// </summary>
public static class DecideAdjuvant
{
    public sealed record Request(int? DurationMonths, IReadOnlyList<string>? Drugs, string? Rationale);

    private static readonly RegimenComponent[] ConversionRegimen = [RegimenComponent.Lenvatinib, RegimenComponent.Tace, RegimenComponent.Camrelizumab];

    public static Decision Decide(SurgeryPathway pathway, Request request, string clinician, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.DurationMonths is not { } months || months < rules.AdjuvantMinimumMonths || months > rules.AdjuvantMaximumMonths)
        {
            errors["durationMonths"] = [$"Required, {rules.AdjuvantMinimumMonths}–{rules.AdjuvantMaximumMonths} months (SURG-ADJ)."];
        }

        if (request.Drugs is { } drugs && (drugs.Count == 0 || drugs.Any(d => d is not (Drugs.Lenvatinib or Drugs.Camrelizumab))))
        {
            errors["drugs"] = ["Systemic drugs of the regimen only: lenvatinib, camrelizumab (TACE is not adjuvant)."];
        }

        if (string.IsNullOrWhiteSpace(request.Rationale))
        {
            errors["rationale"] = ["The rationale is required (tolerance, pathology)."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The adjuvant decision has invalid fields.", errors);
        }

        if (pathway.ResectionPerformed is not { } resection)
        {
            return Rejection.Conflict("Adjuvant therapy follows a performed conversion resection; none is recorded.", "SURG-ADJ");
        }

        if (pathway.Adjuvant is not null)
        {
            return Rejection.Conflict("The adjuvant therapy is already decided.", "SURG-ADJ");
        }

        var plan = AdjuvantPlanner.Plan(resection.PerformedOn, ConversionRegimen, null, rules).Value;
        var drugsChosen = request.Drugs ?? plan.Components.Select(c => c == RegimenComponent.Lenvatinib ? Drugs.Lenvatinib : Drugs.Camrelizumab).ToArray();
        return Decision.Append(new AdjuvantTherapyDecided(pathway.Id, resection.PerformedOn, plan.StartDate, request.DurationMonths!.Value,
            drugsChosen.Distinct().ToArray(), request.Rationale!.Trim(), plan.RuleSetVersion, clinician, now));
    }

    public static RouteGroupBuilder MapDecideAdjuvant(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/adjuvant", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch, (p, _) => Decide(p, request, http.User.ActorName(), commands.Rules, commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("DecideAdjuvant")
            .WithSummary("Decide adjuvant therapy after resection (SURG-ADJ): start one month after surgery, 6–12 months.");
        return pathways;
    }
}
