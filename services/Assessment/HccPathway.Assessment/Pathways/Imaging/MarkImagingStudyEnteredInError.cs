using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// Marks a recorded imaging study entered in error: it no longer counts, its response and progression are withdrawn,
/// and the studies after it are assessed again without it (<see cref="ResponseRederivation"/>).
/// </summary>
public static class MarkImagingStudyEnteredInError
{
    public sealed record Request(string? Reason);

    public static Decision Decide(
        AssessmentPathway pathway, Guid studyId, Request r, Guid correctionId, string markedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (StudyCorrections.Refusal(pathway, studyId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        StudyCorrections.CheckReason(r.Reason, errors);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The reason is missing.", errors);
        }

        var position = pathway.Studies.ToList().FindIndex(s => s.StudyId == studyId);
        var study = pathway.Studies[position];
        if (study.IsBaseline && pathway.Studies.ElementAtOrDefault(position + 1) is { IsBaseline: false } followUp)
        {
            // The follow-ups are measured against this baseline's targets; without it they have no response.
            return Rejection.Conflict(
                $"Study {studyId} is the baseline of later studies (first {followUp.StudyId}); mark those entered in error first, or correct the baseline.");
        }

        var marked = new ImagingStudyEnteredInError(pathway.Id, studyId, correctionId, r.Reason!.Trim(), markedBy, now);
        var outcome = ResponseRederivation.Rederive(pathway, marked, studyId, position, correctionId, rules, today, now);
        return outcome.Errors.Count > 0
            ? Rejection.Invalid("Without this study the series does not meet the response criteria's rules.", outcome.Errors)
            : Decision.Append([.. outcome.Events]);
    }

    public static RouteGroupBuilder MapMarkImagingStudyEnteredInError(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/imaging/{studyId:guid}/entered-in-error", (
                Guid pathwayId,
                Guid studyId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => Decide(p, studyId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("MarkImagingStudyEnteredInError")
            .WithSummary("Mark a recorded imaging study entered in error, with a reason; its response is withdrawn.");
        return pathways;
    }
}
