using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.AdverseEvents;

/// <summary>
/// RESP-AE: corrects an adverse event's report (term, grade at onset, onset, attribution), or marks the whole event
/// entered in error. The report stays in the stream; the correction is a new event with a reason, the person and the time.
/// </summary>
public static class CorrectAdverseEvent
{
    public sealed record Correction(
        string? CtcaeTerm, int? Grade, DateOnly? OnsetOn, bool? TreatmentRelated, IReadOnlyList<string>? SuspectedDrugs, string? Reason);

    public sealed record EnteredInError(string? Reason);

    public static Decision Correct(
        AssessmentPathway pathway, Guid adverseEventId, Correction r, Guid correctionId, string correctedBy, DateOnly today, DateTimeOffset now)
    {
        if (Refusal(pathway, adverseEventId) is { } refusal)
        {
            return refusal;
        }

        var ae = pathway.AdverseEvents[adverseEventId];
        var errors = ReportAdverseEvent.Check(new ReportAdverseEvent.Request(adverseEventId, r.CtcaeTerm, r.Grade, r.OnsetOn, r.TreatmentRelated, r.SuspectedDrugs), pathway, today);
        CorrectionReason.Require(r.Reason, errors);
        if (ae.FirstRegradedOn is { } regraded && r.OnsetOn > regraded)
        {
            errors["onsetOn"] = [$"The event was graded again on {regraded:yyyy-MM-dd}; its onset cannot be later."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The correction is invalid.", errors);
        }

        // Later gradings stand: only an event never graded again takes the corrected grade as its current one.
        var current = ae.Regraded ? ae.Grade : r.Grade!.Value;
        return Decision.Append(new AdverseEventCorrected(
            pathway.Id, adverseEventId, correctionId, r.CtcaeTerm!.Trim(), r.Grade!.Value, r.OnsetOn!.Value, r.TreatmentRelated!.Value,
            (r.SuspectedDrugs ?? []).Distinct().ToArray(), current, r.Reason!.Trim(), correctedBy, now));
    }

    public static Decision MarkEnteredInError(
        AssessmentPathway pathway, Guid adverseEventId, EnteredInError r, Guid correctionId, string markedBy, DateTimeOffset now)
    {
        if (Refusal(pathway, adverseEventId) is { } refusal)
        {
            return refusal;
        }

        var errors = new Dictionary<string, string[]>();
        CorrectionReason.Require(r.Reason, errors);
        return errors.Count > 0
            ? Rejection.Invalid("The reason is missing.", errors)
            : Decision.Append(new AdverseEventEnteredInError(pathway.Id, adverseEventId, correctionId, r.Reason!.Trim(), markedBy, now));
    }

    private static Rejection? Refusal(AssessmentPathway pathway, Guid adverseEventId) =>
        pathway.AdverseEventsEnteredInError.Contains(adverseEventId) ? Rejection.Conflict($"Adverse event {adverseEventId} is already entered in error.")
        : !pathway.AdverseEvents.ContainsKey(adverseEventId) ? Rejection.NotFound($"Adverse event {adverseEventId} of pathway {pathway.Id} does not exist.")
        : null;

    public static RouteGroupBuilder MapCorrectAdverseEvent(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/adverse-events/{adverseEventId:guid}/correction", (
                Guid pathwayId,
                Guid adverseEventId,
                Correction request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => Correct(p, adverseEventId, request, Guid.NewGuid(), http.User.ActorName(), writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("CorrectAdverseEvent")
            .WithSummary("Correct an adverse event's report (term, onset grade and date, attribution), with a reason.");

        pathways.MapPost("/{pathwayId:guid}/adverse-events/{adverseEventId:guid}/entered-in-error", (
                Guid pathwayId,
                Guid adverseEventId,
                EnteredInError request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            writer.Append<AssessmentPathway>(
                pathwayId, ifMatch, p => MarkEnteredInError(p, adverseEventId, request, Guid.NewGuid(), http.User.ActorName(), writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("MarkAdverseEventEnteredInError")
            .WithSummary("Mark an adverse event entered in error, with a reason; it and its gradings no longer count.");
        return pathways;
    }
}
