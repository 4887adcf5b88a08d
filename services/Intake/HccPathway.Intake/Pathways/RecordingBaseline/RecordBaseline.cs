using HccPathway.Clinical.Mapping;
using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.RecordingBaseline;

/// <summary>Records the baseline assessment and the scores and stage the clinical rules compute from it.</summary>
public static class RecordBaseline
{
    public static Decision Decide(IntakePathway pathway, RecordBaselineRequest request, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (pathway.IsClosed)
        {
            return Rejection.Conflict(
                $"The pathway is {pathway.Phase.ToString().ToLowerInvariant()}; intake's baseline can no longer change.");
        }

        return Assess(pathway, request, rules, today, now);
    }

    /// <summary>The checks, scores and stage of a baseline, new or corrected: a <see cref="BaselineAssessed"/> or the rejection.</summary>
    public static Decision Assess(IntakePathway pathway, RecordBaselineRequest request, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var missing = request.MissingOrUnknown();
        if (missing.Count > 0)
        {
            return Rejection.Invalid("The baseline is incomplete.", missing);
        }

        var assessedOn = request.AssessedOn!.Value;
        if (assessedOn > today || assessedOn < pathway.DateOfBirth)
        {
            return Rejection.Invalid("assessedOn", "The assessment date is in the future or before the date of birth.");
        }

        var measurements = request.ToMeasurements(ClinicalDates.AgeOn(pathway.DateOfBirth, assessedOn));
        var evaluation = BaselineEvaluator.Evaluate(BaselineMapping.ToClinical(assessedOn, measurements), rules);
        if (!evaluation.TryGetValue(out var result))
        {
            return Rejection.Invalid("Values are outside their plausible ranges.", BaselineMapping.ToProblemErrors(evaluation.Errors));
        }

        return Decision.Append(new BaselineAssessed(
            pathway.Id, assessedOn, measurements, BaselineMapping.ToScores(result), result.RuleSetVersion, now));
    }

    public static RouteGroupBuilder MapRecordBaseline(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/baseline", (
                Guid pathwayId,
                RecordBaselineRequest request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, request, rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordBaseline")
            .WithSummary("Record the baseline assessment; scores and CNLC stage are computed and stored with it.");
        return pathways;
    }
}
