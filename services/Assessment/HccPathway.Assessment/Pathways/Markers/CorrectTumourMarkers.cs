using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.Markers;

/// <summary>
/// Corrects a tumour marker sample, or marks it entered in error. The corrected sample is converted and compared with
/// the baseline exactly as a new one is (SCORE-AFPR, RESP-CCR (2)), and RESP-CCR is evaluated again without the old values.
/// </summary>
public static class CorrectTumourMarkers
{
    public sealed record Correction(DateOnly? SampledOn, RecordTumourMarkers.MarkerValue? Afp, RecordTumourMarkers.MarkerValue? Dcp, string? Reason);

    public sealed record EnteredInError(string? Reason);

    public static Decision Correct(
        AssessmentPathway pathway, Guid sampleId, Correction r, Guid correctionId, string correctedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Refusal(pathway, sampleId) is { } refusal)
        {
            return refusal;
        }

        // Recorded again on the state without it: the same checks, conversions and comparisons as a new sample.
        // A sample that is a marker's first value is compared with nothing, as when it was recorded.
        var without = pathway with
        {
            Samples = pathway.Samples.Where(s => s.SampleId != sampleId).ToArray(),
            AfpBaseline = pathway.AfpBaseline?.SourceEventId == sampleId ? null : pathway.AfpBaseline,
            DcpBaseline = pathway.DcpBaseline?.SourceEventId == sampleId ? null : pathway.DcpBaseline,
        };
        var original = pathway.Samples.Single(s => s.SampleId == sampleId);
        var recording = RecordTumourMarkers.Decide(
            without, new RecordTumourMarkers.Request(sampleId, r.SampledOn, r.Afp, r.Dcp), sampleId, original.RecordedBy, rules, today, now);
        var errors = new Dictionary<string, string[]>(recording.Rejection?.Errors ?? new Dictionary<string, string[]>());
        CorrectionReason.Require(r.Reason, errors);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        var corrected = new TumourMarkersCorrected(
            pathway.Id, sampleId, correctionId, recording.Events.OfType<TumourMarkersRecorded>().Single() with { RecordedAt = original.RecordedAt },
            r.Reason!.Trim(), correctedBy, now);
        return WithCcr(pathway, corrected, sampleId, rules, today, now);
    }

    public static Decision MarkEnteredInError(
        AssessmentPathway pathway, Guid sampleId, EnteredInError r, Guid correctionId, string markedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Refusal(pathway, sampleId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The reason is missing.", errors);
        }

        if (IsBaselineOfLaterSamples(pathway, sampleId))
        {
            return Rejection.Conflict($"Sample {sampleId} is the marker baseline later samples are compared with; correct it instead.");
        }

        return WithCcr(pathway, new TumourMarkersEnteredInError(pathway.Id, sampleId, correctionId, r.Reason!.Trim(), markedBy, now), sampleId, rules, today, now);
    }

    // RESP-CCR rests on every marker value: evaluated again, a held cCR may be lost (its cause is the sample).
    private static Decision WithCcr(AssessmentPathway pathway, object correction, Guid sampleId, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now) =>
        CcrTracker.Track(AggregateFold<AssessmentPathway>.Apply(pathway, [correction]), sampleId, today, rules, now) is { } ccr
            ? Decision.Append(correction, ccr)
            : Decision.Append(correction);

    private static bool IsBaselineOfLaterSamples(AssessmentPathway p, Guid sampleId) =>
        (p.AfpBaseline?.SourceEventId == sampleId || p.DcpBaseline?.SourceEventId == sampleId) && p.Samples.Any(s => s.SampleId != sampleId);

    private static Rejection? Refusal(AssessmentPathway pathway, Guid sampleId) =>
        pathway.SamplesEnteredInError.Contains(sampleId) ? Rejection.Conflict($"Sample {sampleId} is already entered in error.")
        : pathway.Samples.All(s => s.SampleId != sampleId) ? Rejection.NotFound($"Sample {sampleId} of pathway {pathway.Id} does not exist.")
        : null;

    public static RouteGroupBuilder MapCorrectTumourMarkers(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/tumour-markers/{sampleId:guid}/correction", (
                Guid pathwayId, Guid sampleId, Correction request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => Correct(p, sampleId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("CorrectTumourMarkers")
            .WithSummary("Correct a tumour marker sample, with a reason; AFP response and the cCR are evaluated again.");

        pathways.MapPost("/{pathwayId:guid}/tumour-markers/{sampleId:guid}/entered-in-error", (
                Guid pathwayId, Guid sampleId, EnteredInError request, [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http, PathwayWriter writer, ClinicalRuleSet rules, CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => MarkEnteredInError(p, sampleId, request, Guid.NewGuid(), http.User.ActorName(), rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("MarkTumourMarkersEnteredInError")
            .WithSummary("Mark a tumour marker sample entered in error, with a reason; the cCR is evaluated again.");
        return pathways;
    }
}
