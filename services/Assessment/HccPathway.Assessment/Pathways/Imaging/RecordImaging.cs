using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// Records an imaging study and assesses it at once under RECIST 1.1 and mRECIST; a progressing study also yields its
/// RESP-PROG pattern, and the cCR (RESP-CCR) is re-evaluated with the new study.
/// </summary>
public static class RecordImaging
{
    public static Decision Decide(
        AssessmentPathway pathway, RecordImagingRequest request, Guid studyId, string recordedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var (state, opening, refusal) = StartAssessment.Open(pathway, now);
        if (refusal is not null)
        {
            return refusal;
        }

        if (state.StudyIds.Contains(studyId))
        {
            return Rejection.Conflict($"Study {studyId} is already recorded.");
        }

        var isBaseline = request.IsBaseline || state.Baseline is null;
        var errors = ImagingRequestChecks.Check(request, state, isBaseline, today);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The imaging study is invalid.", errors);
        }

        var study = ToEvent(state, request, studyId, isBaseline, recordedBy, now);
        var withStudy = state.Apply(study);
        var outcome = ResponseEvaluation.Assess(withStudy.Series, rules, now);
        if (outcome.Assessed is not { } assessed)
        {
            return Rejection.Invalid("The study does not meet the response criteria's rules.", outcome.Errors);
        }

        var events = new List<object>(opening) { study, assessed };
        if (ProgressionAnalysis.Detect(withStudy.Series, assessed, rules, now) is { } progression)
        {
            events.Add(progression);
        }

        if (CcrTracker.Track(withStudy.Apply(assessed), studyId, study.StudyOn, rules, now) is { } ccr)
        {
            events.Add(ccr);
        }

        return Decision.Append([.. events]);
    }

    internal static ImagingStudyRecorded ToEvent(
        AssessmentPathway p, RecordImagingRequest r, Guid studyId, bool isBaseline, string recordedBy, DateTimeOffset now)
    {
        var targets = r.TargetLesions!.Select(t =>
        {
            // Follow-ups measure the baseline's lesions: organ and node flag are the baseline's.
            var known = isBaseline ? null : p.Baseline!.TargetLesions.First(b => b.LesionId == t.LesionId);
            var organ = known?.Organ ?? ImagingRequestChecks.Normalise(t.Organ!);
            var isNode = known?.IsLymphNode ?? t.IsLymphNode ?? false;
            return new TargetLesionMeasurement(t.LesionId!, organ, isNode, t.DiameterMm!.Value, t.ViableDiameterMm);
        }).ToArray();
        var newLesions = (r.NewLesions ?? [])
            .Select(l => new NewLesion(l.LesionId!, l.Site!, ImagingRequestChecks.Normalise(l.Organ!), l.DiameterMm))
            .ToArray();
        return new ImagingStudyRecorded(
            p.Id, studyId, r.StudyOn!.Value, r.Modality!, isBaseline, targets, r.NonTargetStatus!, newLesions, r.ExtrahepaticStatus!, recordedBy, now);
    }

    public static RouteGroupBuilder MapRecordImaging(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/imaging", (
                Guid pathwayId,
                RecordImagingRequest request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            {
                var studyId = request.StudyId ?? Guid.NewGuid();
                ResourceLocation.OnSuccess(http, $"/pathways/{pathwayId}/imaging/{studyId}");
                return writer.Append<AssessmentPathway>(
                    pathwayId, ifMatch, p => Decide(p, request, studyId, http.User.ActorName(), rules, writer.Today, writer.Now), ct);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordImagingStudy")
            .WithSummary("Record an imaging study; it is assessed at once under RECIST 1.1 and mRECIST, with the reasons.");
        return pathways;
    }
}
