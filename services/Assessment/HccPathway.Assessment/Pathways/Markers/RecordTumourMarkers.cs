using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.Markers;

/// <summary>
/// Records AFP and/or DCP from one sample: converted to canonical units, compared with baseline (SCORE-AFPR; RESP-CCR (2)
/// normalisation) and, since a marker can complete or break a cCR, RESP-CCR is re-evaluated.
/// </summary>
public static class RecordTumourMarkers
{
    public sealed record Request(Guid? SampleId, DateOnly? SampledOn, MarkerValue? Afp, MarkerValue? Dcp);

    public sealed record MarkerValue(decimal? Value, string? Unit);

    public static Decision Decide(AssessmentPathway pathway, Request request, Guid sampleId, string recordedBy, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var (state, opening, refusal) = StartAssessment.Open(pathway, now);
        if (refusal is not null)
        {
            return refusal;
        }

        if (state.Samples.Any(s => s.SampleId == sampleId))
        {
            return Rejection.Conflict($"Sample {sampleId} is already recorded.");
        }

        var errors = new Dictionary<string, string[]>();
        if (request.SampledOn is not { } sampledOn || sampledOn > today || sampledOn < state.ReferralDate)
        {
            errors["sampledOn"] = ["Required; not in the future and not before the referral."];
        }

        if (request.Afp is null && request.Dcp is null)
        {
            errors["afp"] = ["Give AFP, DCP or both."];
        }

        var afp = Canonical(TumourMarkers.Afp, request.Afp, PlausibleRanges.AfpNanogramsPerMillilitre, errors);
        var dcp = Canonical(TumourMarkers.Dcp, request.Dcp, PlausibleRanges.DcpMilliArbitraryUnitsPerMillilitre, errors);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The tumour markers are invalid.", errors);
        }

        var markers = new List<TumourMarkerValue>();
        if (afp is { } a)
        {
            markers.Add(Compare(TumourMarkers.Afp, a, state.AfpBaseline, rules.AfpUpperLimitOfNormalNanogramsPerMillilitre));
        }

        if (dcp is { } d)
        {
            markers.Add(Compare(TumourMarkers.Dcp, d, state.DcpBaseline, rules.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre));
        }

        var recorded = new TumourMarkersRecorded(
            state.Id, sampleId, request.SampledOn!.Value, markers, AfpResponseOf(afp, state.AfpBaseline, rules), rules.Version, recordedBy, now);
        var events = new List<object>(opening) { recorded };
        if (CcrTracker.Track(state.Apply(recorded), sampleId, recorded.SampledOn, rules, now) is { } ccr)
        {
            events.Add(ccr);
        }

        return Decision.Append([.. events]);
    }

    private static (decimal Value, decimal Reported, string Unit)? Canonical(
        string marker, MarkerValue? value, PlausibleRange range, Dictionary<string, string[]> errors)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Unit is not { } unit || !MarkerUnits.TryConvert(marker, value.Value ?? 0m, unit, out var canonical))
        {
            errors[$"{marker}.unit"] = [$"Unknown unit '{value.Unit}'; one of {string.Join(", ", MarkerUnits.Accepted(marker))}."];
            return null;
        }

        if (value.Value is not { } reported || !range.Contains(canonical))
        {
            errors[$"{marker}.value"] = [$"Required; {range.Describe()}."];
            return null;
        }

        return (canonical, reported, unit);
    }

    // RESP-CCR (2): a marker above its upper limit at baseline must come back to normal (the limit itself is normal).
    private static TumourMarkerValue Compare(string marker, (decimal Value, decimal Reported, string Unit) v, MarkerBaseline? baseline, decimal upperLimit)
    {
        var positive = baseline is { } b && b.Value > upperLimit;
        var normalisation = !positive ? MarkerNormalisation.NotRequired
            : v.Value <= upperLimit ? MarkerNormalisation.Normalised
            : MarkerNormalisation.StillAbnormal;
        return new TumourMarkerValue(marker, v.Value, MarkerUnits.CanonicalUnit(marker), v.Reported, v.Unit, upperLimit,
            baseline?.Value, baseline?.MeasuredOn, positive, normalisation);
    }

    // SCORE-AFPR against the baseline AFP; a sample that is itself the first AFP has nothing to be compared with.
    private static AfpResponseSummary? AfpResponseOf((decimal Value, decimal Reported, string Unit)? afp, MarkerBaseline? baseline, ClinicalRuleSet rules)
    {
        if (afp is not { } a || baseline is not { } b)
        {
            return null;
        }

        var result = AfpResponse.Evaluate(AfpNgPerMl.FromNanogramsPerMillilitre(b.Value), AfpNgPerMl.FromNanogramsPerMillilitre(a.Value), rules).Value;
        var status = result.Status switch
        {
            AfpResponseStatus.Responder => AfpResponseStatuses.Responder,
            AfpResponseStatus.NonResponder => AfpResponseStatuses.NonResponder,
            _ => AfpResponseStatuses.NotEvaluable,
        };
        var decrease = result.DecreasePercent is { } p ? Math.Round(p, 2) : (decimal?)null;
        return new AfpResponseSummary(status, decrease, result.ThresholdPercent, b.Value, b.MeasuredOn);
    }

    public static RouteGroupBuilder MapRecordTumourMarkers(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/tumour-markers", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            {
                var sampleId = request.SampleId ?? Guid.NewGuid();
                return writer.Append<AssessmentPathway>(
                    pathwayId, ifMatch, p => Decide(p, request, sampleId, http.User.ActorName(), rules, writer.Today, writer.Now), ct);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("RecordTumourMarkers")
            .WithSummary("Record AFP and/or DCP (PIVKA-II) from one sample; AFP response and normalisation are computed.");
        return pathways;
    }
}
