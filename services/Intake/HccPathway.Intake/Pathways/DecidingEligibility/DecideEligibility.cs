using HccPathway.Clinical.Mapping;
using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.DecidingEligibility;

/// <summary>Evaluates ELIG-1/2/3/X on the latest baseline with the current rule set, recording every criterion.</summary>
public static class DecideEligibility
{
    public static Decision Decide(IntakePathway pathway, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (pathway.IsClosed)
        {
            return Rejection.Conflict($"The pathway is {pathway.Phase.ToString().ToLowerInvariant()}; eligibility is settled.");
        }

        if (pathway.Baseline is not { } baseline)
        {
            return Rejection.Conflict("Record the baseline assessment before deciding eligibility.", "ELIG-X");
        }

        return Evaluate(pathway, baseline, rules, now);
    }

    /// <summary>ELIG-1/2/3/X on <paramref name="baseline"/>, the one in effect: a clinician's decision, or one derived again after a correction.</summary>
    public static Decision Evaluate(IntakePathway pathway, BaselineAssessed baseline, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var assessment = BaselineMapping.ToClinical(baseline.AssessedOn, baseline.Measurements, $"v{pathway.BaselineVersion}");
        var evaluation = BaselineEvaluator.Evaluate(assessment, rules);
        if (!evaluation.TryGetValue(out var result))
        {
            // The stored baseline passed these checks when recorded; only a stricter rule set can refuse it now.
            return Rejection.Conflict(
                "The current rule set rejects the recorded baseline: " +
                string.Join("; ", evaluation.Errors.Select(e => $"{e.Field}: {e.Message}")) + ". Record a new baseline.");
        }

        var decision = result.Eligibility;
        return Decision.Append(new EligibilityDecided(
            pathway.Id,
            decision.Eligible,
            decision.MatchedGroups.Select(g => g.RuleId()).ToArray(),
            decision.Criteria.Select(BaselineMapping.ToContract).ToArray(),
            pathway.BaselineVersion,
            decision.RuleSetVersion,
            now));
    }

    public static RouteGroupBuilder MapDecideEligibility(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/eligibility", (
                Guid pathwayId,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, rules, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("DecideEligibility")
            .WithSummary("Evaluate eligibility for conversion therapy (ELIG-1, ELIG-2, ELIG-3) from the latest baseline.");
        return pathways;
    }
}
