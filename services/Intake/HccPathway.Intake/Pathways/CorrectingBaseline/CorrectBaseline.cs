using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways.DecidingEligibility;
using HccPathway.Intake.Pathways.RecordingBaseline;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.CorrectingBaseline;

/// <summary>
/// Corrects a baseline assessment (weight, height, labs, any recorded value), or marks it entered in error. The
/// correction is checked, scored and staged exactly as a new baseline; eligibility decided on it (ELIG-1/2/3/X) is
/// decided again, naming the correction. Scheduling re-doses lenvatinib from a corrected weight (SCHED-LEN).
/// </summary>
public static class CorrectBaseline
{
    /// <param name="Values">The baseline as it should have been recorded, every value (as when it was recorded).</param>
    public sealed record Correction(RecordBaselineRequest? Values, string? Reason);

    public sealed record EnteredInError(string? Reason);

    public static Decision Correct(
        IntakePathway pathway, Guid baselineId, Correction r, Guid correctionId, string correctedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Refusal(pathway, baselineId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        if (r.Values is null)
        {
            errors["values"] = ["Required: the baseline's corrected values."];
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        // Assessed again: the same checks, scores and stage as a new baseline.
        var assessing = RecordBaseline.Assess(pathway, r.Values, rules, today, now);
        foreach (var (field, messages) in assessing.Rejection?.Errors ?? new Dictionary<string, string[]>())
        {
            errors["values." + field] = messages;
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        var original = pathway.Baselines.Single(b => b.Id == baselineId);
        var isLatest = baselineId == pathway.BaselineId;
        var corrected = new BaselineCorrected(
            pathway.Id, baselineId, correctionId, assessing.Events.OfType<BaselineAssessed>().Single() with { RecordedAt = original.Assessed.RecordedAt },
            original.Assessed.Measurements.WeightKg, isLatest, r.Reason!.Trim(), correctedBy, now);
        return WithEligibility(pathway, corrected, decidedOnIt: isLatest && pathway.Eligibility is not null, correctionId, rules, now);
    }

    public static Decision MarkEnteredInError(
        IntakePathway pathway, Guid baselineId, EnteredInError r, Guid correctionId, string markedBy, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (Refusal(pathway, baselineId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The reason is missing.", errors);
        }

        // Enrolment (and the dose planned from its weight) or the decline rests on the baseline: correct it instead.
        if (pathway.IsClosed)
        {
            return Rejection.Conflict(
                $"The pathway is {pathway.Phase.ToString().ToLowerInvariant()}; its baseline can be corrected, not entered in error.");
        }

        var isLatest = baselineId == pathway.BaselineId;
        var inEffect = isLatest
            ? pathway.Baselines.LastOrDefault(b => b.Id != baselineId)
            : pathway.Baselines.Single(b => b.Id == pathway.BaselineId);
        var marked = new BaselineEnteredInError(
            pathway.Id, baselineId, correctionId, isLatest, inEffect?.Id, inEffect?.Assessed, r.Reason!.Trim(), markedBy, now);
        return WithEligibility(pathway, marked, decidedOnIt: isLatest && pathway.Eligibility is not null && inEffect is not null, correctionId, rules, now);
    }

    // Eligibility decided on the baseline is decided again on the baseline now in effect, naming the correction.
    private static Decision WithEligibility(
        IntakePathway pathway, object correction, bool decidedOnIt, Guid correctionId, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (!decidedOnIt)
        {
            return Decision.Append(correction);
        }

        var after = AggregateFold<IntakePathway>.Apply(pathway, [correction]);
        var decided = DecideEligibility.Evaluate(after, after.Baseline!, rules, now);
        if (decided.Rejection is { } rejected)
        {
            // Only an earlier baseline that a stricter rule set now refuses gets here: a clinician records a new one.
            return rejected;
        }

        var eligibility = decided.Events.OfType<EligibilityDecided>().Single() with { CausedBy = correctionId };
        return Decision.Append(correction, eligibility);
    }

    private static Rejection? Refusal(IntakePathway pathway, Guid baselineId) =>
        pathway.BaselinesEnteredInError.Contains(baselineId) ? Rejection.Conflict($"Baseline {baselineId} is already entered in error.")
        : pathway.Baselines.All(b => b.Id != baselineId) ? Rejection.NotFound($"Baseline {baselineId} of pathway {pathway.Id} does not exist.")
        : null;

    public static RouteGroupBuilder MapCorrectBaseline(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/baseline/{baselineId:guid}/correction", (
                Guid pathwayId, Guid baselineId, Correction request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<IntakePathway>(
                pathwayId, ifMatch, p => Correct(p, baselineId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("CorrectBaseline")
            .WithSummary("Correct a baseline assessment, with a reason; scores, stage and eligibility are derived again.");

        pathways.MapPost("/{pathwayId:guid}/baseline/{baselineId:guid}/entered-in-error", (
                Guid pathwayId, Guid baselineId, EnteredInError request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<IntakePathway>(
                pathwayId, ifMatch, p => MarkEnteredInError(p, baselineId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("MarkBaselineEnteredInError")
            .WithSummary("Mark a baseline assessment entered in error, with a reason (before enrolment); the one before it is in effect again.");
        return pathways;
    }
}
