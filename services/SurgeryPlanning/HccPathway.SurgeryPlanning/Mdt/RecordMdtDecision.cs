using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using HccPathway.SurgeryPlanning.Readiness;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Mdt;

/// <summary>
/// A clinician records the MDT's decision with its rationale and attendees. The suggestions the rules offered
/// (SURG-READY, SURG-CCR, FAIL-1..4) are appended with it, and the decision records whether it followed them.
/// </summary>
public static class RecordMdtDecision
{
    /// <param name="ChosenOption">For second line: the therapy chosen (e.g. "TACE"); compared with the FAIL options.</param>
    /// <param name="HighSurgicalRisk">The MDT's judgement of surgical risk; with a confirmed cCR it makes watch-and-wait the preferred option (SURG-CCR).</param>
    public sealed record Request(
        string? Outcome,
        string? Rationale,
        IReadOnlyList<string>? Attendees,
        DateOnly? DecidedOn,
        DateOnly? IntendedSurgeryOn,
        string? ChosenOption,
        bool HighSurgicalRisk);

    public static Decision Decide(
        SurgeryPathway pathway, PatientChecklist checklist, Request request, string clinician, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var errors = Validate(request, today);
        if (request.DecidedOn < pathway.ReferredOn)
        {
            errors["decidedOn"] = ["Not before the referral."];
        }
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The MDT decision has invalid fields.", errors);
        }

        var outcome = request.Outcome!;
        if (!pathway.Enrolled)
        {
            return Rejection.Conflict("The patient is not enrolled in conversion therapy.");
        }

        if (pathway.ResectionPerformed is not null && outcome is MdtOutcomes.Resect or MdtOutcomes.ContinueConversion)
        {
            return Rejection.Conflict("The resection has been performed; record the adjuvant decision instead.", "SURG-ADJ");
        }

        // SURG-CCR: watch-and-wait is an alternative to salvage resection only after a confirmed clinical complete response.
        if (outcome == MdtOutcomes.WatchAndWait && checklist.ClinicalCompleteResponse is not { Value: true })
        {
            return Rejection.Conflict("Watch-and-wait is offered only after a confirmed clinical complete response (RESP-CCR).", "SURG-CCR");
        }

        var readiness = ReadinessEvaluator.Evaluate(checklist, today, rules);
        var offered = MdtSuggestions.For(checklist, readiness, request.HighSurgicalRisk, rules);
        var matching = offered.Suggestions.Where(s => s.Outcome == outcome && OptionMatches(s, request.ChosenOption)).ToArray();
        var suggested = matching.FirstOrDefault(s => s.Preferred) ?? matching.FirstOrDefault()
                        ?? offered.Suggestions.FirstOrDefault(s => s.Preferred) ?? offered.Suggestions.FirstOrDefault();

        var decisionId = Guid.CreateVersion7();
        return Decision.Append(
            new MdtSuggestionsOffered(pathway.Id, decisionId, offered.Suggestions, offered.Inputs, offered.FollowUp, offered.RuleSetVersion, now),
            new MdtDecisionRecorded(pathway.Id, decisionId, outcome, request.Rationale!.Trim(),
                request.Attendees!.Select(a => a.Trim()).ToArray(), request.DecidedOn!.Value, request.IntendedSurgeryOn,
                suggested?.RuleId, matching.Length > 0, clinician, now));
    }

    // A second-line option is "followed" when the chosen therapy is one the rule listed; without a chosen option the outcome decides.
    private static bool OptionMatches(MdtSuggestion s, string? chosen) =>
        s.Options.Count == 0 || string.IsNullOrWhiteSpace(chosen)
        || s.Options.Any(o => o.Contains(chosen.Trim(), StringComparison.OrdinalIgnoreCase));

    private static Dictionary<string, string[]> Validate(Request r, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (r.Outcome is null || !MdtOutcomes.All.Contains(r.Outcome))
        {
            errors["outcome"] = [$"Must be one of: {string.Join(", ", MdtOutcomes.All)}."];
        }

        if (string.IsNullOrWhiteSpace(r.Rationale))
        {
            errors["rationale"] = ["The MDT's rationale is required."];
        }

        if (r.Attendees is null || r.Attendees.Count == 0 || r.Attendees.Any(string.IsNullOrWhiteSpace))
        {
            errors["attendees"] = ["List the attendees (roles or staff ids; no patient identifiers)."];
        }

        if (r.DecidedOn is not { } decidedOn || decidedOn > today)
        {
            errors["decidedOn"] = ["Required; not in the future."];
        }

        if (r.Outcome == MdtOutcomes.Resect && (r.IntendedSurgeryOn is not { } intended || (r.DecidedOn is { } d && intended < d)))
        {
            errors["intendedSurgeryOn"] = ["Required for resect; on or after the decision date."];
        }
        else if (r.Outcome is not null && r.Outcome != MdtOutcomes.Resect && r.IntendedSurgeryOn is not null)
        {
            errors["intendedSurgeryOn"] = ["Only a resect decision has an intended surgery date."];
        }

        return errors;
    }

    public static RouteGroupBuilder MapRecordMdtDecision(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/mdt-decisions", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch,
                (p, c) => Decide(p, c, request, http.User.ActorName(), commands.Rules, commands.Today, commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("RecordMdtDecision")
            .WithSummary("Record the MDT decision (clinicians only): resect, watch-and-wait (after cCR), continue conversion or second line.");

        pathways.MapGet("/{pathwayId:guid}/mdt-suggestions", async (
                Guid pathwayId, bool? highSurgicalRisk, Marten.IQuerySession session, ClinicalRuleSet rules, HospitalClock clock, CancellationToken ct) =>
            {
                if (await session.LoadAsync<PatientChecklist>(pathwayId, ct) is not { } checklist)
                {
                    return ProblemResults.From(Rejection.NotFound($"No surgery-planning facts for pathway {pathwayId}."));
                }

                var today = clock.Today(session.TenantId);
                return TypedResults.Ok(MdtSuggestions.For(checklist, ReadinessEvaluator.Evaluate(checklist, today, rules), highSurgicalRisk ?? false, rules));
            })
            .RequireAuthorization(Policies.ReadPathway)
            .WithName("GetMdtSuggestions")
            .WithSummary("What the rules would suggest to the MDT today (SURG-READY, SURG-CCR, FAIL-1..4) and the facts behind it.");
        return pathways;
    }
}
