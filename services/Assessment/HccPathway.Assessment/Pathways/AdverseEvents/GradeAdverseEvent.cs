using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.AdverseEvents;

/// <summary>
/// RESP-AE: a later grading of an open adverse event. A grade that counts as resolved (≤ 1, configurable) after a
/// higher one is a resolution; an event may also be resolved explicitly with its residual grade.
/// </summary>
public static class GradeAdverseEvent
{
    public sealed record GradeChange(int? Grade, DateOnly? ChangedOn);

    public sealed record Resolution(int? ResidualGrade, DateOnly? ResolvedOn);

    public static Decision ChangeGrade(AssessmentPathway pathway, Guid adverseEventId, GradeChange r, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Open(pathway, adverseEventId) is { } refusal)
        {
            return refusal;
        }

        var ae = pathway.AdverseEvents[adverseEventId];
        var errors = DateErrors("changedOn", r.ChangedOn, ae, today);
        if (r.Grade is not (>= 1 and <= AdverseEventSemantics.Death) || r.Grade == ae.Grade)
        {
            errors["grade"] = [$"A CTCAE grade from 1 to 5 other than the current grade {ae.Grade}."];
        }
        else if (AdverseEventSemantics.IsResolvedGrade(r.Grade.Value, rules) && !AdverseEventSemantics.IsResolvedGrade(ae.Grade, rules))
        {
            errors["grade"] = [$"Grade {r.Grade} means the event has resolved (RESP-AE); record a resolution instead."];
        }

        return errors.Count > 0
            ? Rejection.Invalid("The grade change is invalid.", errors)
            : Decision.Append(new AdverseEventGradeChanged(pathway.Id, adverseEventId, ae.Grade, r.Grade!.Value, r.ChangedOn!.Value, now));
    }

    public static Decision Resolve(AssessmentPathway pathway, Guid adverseEventId, Resolution r, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (Open(pathway, adverseEventId) is { } refusal)
        {
            return refusal;
        }

        var ae = pathway.AdverseEvents[adverseEventId];
        var errors = DateErrors("resolvedOn", r.ResolvedOn, ae, today);
        if (r.ResidualGrade is not { } residual || residual < 0 || !AdverseEventSemantics.IsResolvedGrade(residual, rules))
        {
            errors["residualGrade"] = [$"Resolved means grade 0 to {rules.AdverseEventResolvedMaximumGrade} (RESP-AE)."];
        }

        return errors.Count > 0
            ? Rejection.Invalid("The resolution is invalid.", errors)
            : Decision.Append(new AdverseEventResolved(pathway.Id, adverseEventId, r.ResidualGrade!.Value, r.ResolvedOn!.Value, now));
    }

    private static Rejection? Open(AssessmentPathway pathway, Guid adverseEventId) =>
        !pathway.AdverseEvents.TryGetValue(adverseEventId, out var ae) ? Rejection.NotFound($"Adverse event {adverseEventId} does not exist.")
        : ae.Resolved ? Rejection.Conflict("The adverse event has resolved; report a recurrence as a new adverse event.")
        : ae.Grade == AdverseEventSemantics.Death ? Rejection.Conflict("The adverse event was fatal (grade 5).")
        : null;

    private static Dictionary<string, string[]> DateErrors(string field, DateOnly? date, AdverseEventState ae, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (date is not { } d || d > today || d < ae.LastGradedOn)
        {
            errors[field] = [$"Required; not in the future and not before the last grading ({ae.LastGradedOn:yyyy-MM-dd})."];
        }

        return errors;
    }

    public static RouteGroupBuilder MapGradeAdverseEvent(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/adverse-events/{adverseEventId:guid}/grade", (
                Guid pathwayId,
                Guid adverseEventId,
                GradeChange request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            writer.Append<AssessmentPathway>(pathwayId, ifMatch, p => ChangeGrade(p, adverseEventId, request, rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("ChangeAdverseEventGrade")
            .WithSummary("Record a new CTCAE grade for an open adverse event.");

        pathways.MapPost("/{pathwayId:guid}/adverse-events/{adverseEventId:guid}/resolution", (
                Guid pathwayId,
                Guid adverseEventId,
                Resolution request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                PathwayWriter writer,
                ClinicalRuleSet rules,
                CancellationToken ct) =>
            writer.Append<AssessmentPathway>(pathwayId, ifMatch, p => Resolve(p, adverseEventId, request, rules, writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("ResolveAdverseEvent")
            .WithSummary("Record that an adverse event resolved (grade ≤ 1 or normal).");
        return pathways;
    }
}
