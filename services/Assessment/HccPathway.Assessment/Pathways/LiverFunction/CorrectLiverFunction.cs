using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.LiverFunction;

/// <summary>
/// Corrects a liver function assessment, or marks it entered in error. The correction is checked and scored exactly as
/// a new assessment (SCORE-CP, SCORE-SLV, SCORE-FLR); SurgeryPlanning's SURG-READY (3), (4) and SURG-WASH rest on it.
/// </summary>
public static class CorrectLiverFunction
{
    public sealed record EnteredInError(string? Reason);

    /// <param name="Values">The assessment's values as they should have been recorded (its id is the route's).</param>
    public sealed record Correction(RecordLiverFunction.Request? Values, string? Reason);

    public static Decision Correct(
        AssessmentPathway pathway, Guid assessmentId, Correction r, Guid correctionId, string correctedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Refusal(pathway, assessmentId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        if (r.Values is null)
        {
            errors["values"] = ["Required: the assessment's corrected values."];
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        // Recorded again on the state without it: the same checks and scores as a new assessment.
        var without = pathway with { LiverFunctionIds = pathway.LiverFunctionIds.Where(id => id != assessmentId).ToArray() };
        var recording = RecordLiverFunction.Decide(without, r.Values with { AssessmentId = assessmentId }, assessmentId, correctedBy, rules, today, now);
        foreach (var (field, messages) in recording.Rejection?.Errors ?? new Dictionary<string, string[]>())
        {
            errors["values." + field] = messages;
        }

        return errors.Count > 0
            ? Rejection.Invalid("The correction is invalid.", errors)
            : Decision.Append(new LiverFunctionCorrected(
                pathway.Id, assessmentId, correctionId, recording.Events.OfType<LiverFunctionAssessed>().Single(), r.Reason!.Trim(), correctedBy, now));
    }

    public static Decision MarkEnteredInError(
        AssessmentPathway pathway, Guid assessmentId, EnteredInError r, Guid correctionId, string markedBy, DateTimeOffset now)
    {
        if (Refusal(pathway, assessmentId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        return errors.Count > 0
            ? Rejection.Invalid("The reason is missing.", errors)
            : Decision.Append(new LiverFunctionEnteredInError(pathway.Id, assessmentId, correctionId, r.Reason!.Trim(), markedBy, now));
    }

    private static Rejection? Refusal(AssessmentPathway pathway, Guid assessmentId) =>
        !pathway.LiverFunctionIds.Contains(assessmentId) ? Rejection.NotFound($"Liver function assessment {assessmentId} of pathway {pathway.Id} does not exist.")
        : pathway.LiverFunctionEnteredInError.Contains(assessmentId) ? Rejection.Conflict($"Liver function assessment {assessmentId} is already entered in error.")
        : null;

    public static RouteGroupBuilder MapCorrectLiverFunction(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/liver-function/{assessmentId:guid}/correction", (
                Guid pathwayId, Guid assessmentId, Correction request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => Correct(p, assessmentId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("CorrectLiverFunction")
            .WithSummary("Correct a liver function assessment, with a reason; its scores are computed again.");

        pathways.MapPost("/{pathwayId:guid}/liver-function/{assessmentId:guid}/entered-in-error", (
                Guid pathwayId, Guid assessmentId, EnteredInError request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => MarkEnteredInError(p, assessmentId, request, Guid.NewGuid(), http.User.ActorName(), writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("MarkLiverFunctionEnteredInError")
            .WithSummary("Mark a liver function assessment entered in error, with a reason; its values no longer count.");
        return pathways;
    }
}
