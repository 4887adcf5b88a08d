using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// Corrects a recorded imaging study: the radiologist's new reading replaces the old one for every decision, and
/// what rested on the study is derived again (<see cref="ResponseRederivation"/>). The original stays in the stream.
/// </summary>
public static class CorrectImagingStudy
{
    /// <summary>The study's corrected values (as when recording it) and why it is corrected.</summary>
    public sealed record Request(
        DateOnly? StudyOn,
        string? Modality,
        IReadOnlyList<TargetLesionRequest>? TargetLesions,
        string? NonTargetStatus,
        IReadOnlyList<NewLesionRequest>? NewLesions,
        string? ExtrahepaticStatus,
        string? Reason);

    public static Decision Decide(
        AssessmentPathway pathway, Guid studyId, Request r, Guid correctionId, string correctedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (StudyCorrections.Refusal(pathway, studyId) is { } refusal)
        {
            return refusal;
        }

        var position = pathway.Studies.ToList().FindIndex(s => s.StudyId == studyId);
        var original = pathway.Studies[position];
        var earlier = pathway with { Studies = pathway.Studies.Take(position).ToArray() };
        var asRecorded = new RecordImagingRequest(
            studyId, r.StudyOn, r.Modality, original.IsBaseline, r.TargetLesions, r.NonTargetStatus, r.NewLesions, r.ExtrahepaticStatus);
        var errors = ImagingRequestChecks.Check(asRecorded, earlier, original.IsBaseline, today);
        StudyCorrections.CheckReason(r.Reason, errors);
        if (pathway.Studies.ElementAtOrDefault(position + 1) is { } next && r.StudyOn is { } on
            && (on > next.StudyOn || (on == next.StudyOn && (next.IsBaseline || original.IsBaseline))))
        {
            // Responses are derived in date order; a correction may not move a study past the one recorded after it.
            errors["studyOn"] = [$"The study must stay before the next study, dated {next.StudyOn:yyyy-MM-dd}."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        var study = RecordImaging.ToEvent(earlier, asRecorded, studyId, original.IsBaseline, original.RecordedBy, original.RecordedAt);
        var corrected = new ImagingStudyCorrected(
            pathway.Id, studyId, correctionId, study.StudyOn, study.Modality, study.TargetLesions, study.NonTargetStatus, study.NewLesions,
            study.ExtrahepaticStatus, r.Reason!.Trim(), correctedBy, now);
        var outcome = ResponseRederivation.Rederive(pathway, corrected, studyId, position, correctionId, rules, today, now);
        return outcome.Errors.Count > 0
            ? Rejection.Invalid("The corrected study does not meet the response criteria's rules.", outcome.Errors)
            : Decision.Append([.. outcome.Events]);
    }

    public static RouteGroupBuilder MapCorrectImagingStudy(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/imaging/{studyId:guid}/correction", (
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
            .WithName("CorrectImagingStudy")
            .WithSummary("Correct a recorded imaging study, with a reason; the responses after it are assessed again.");
        return pathways;
    }
}
