using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Assessment.Pathways.AdverseEvents;

/// <summary>
/// RESP-AE: an adverse event graded by CTCAE v5, with its attribution. Scheduling holds the suspected drugs of a
/// treatment-related event of grade 3 or more (SCHED-HOLD), so attribution must name them.
/// </summary>
public static class ReportAdverseEvent
{
    public sealed record Request(
        Guid? AdverseEventId, string? CtcaeTerm, int? Grade, DateOnly? OnsetOn, bool? TreatmentRelated, IReadOnlyList<string>? SuspectedDrugs);

    public static Decision Decide(AssessmentPathway pathway, Request r, Guid adverseEventId, DateOnly today, DateTimeOffset now)
    {
        var (state, opening, refusal) = StartAssessment.Open(pathway, now);
        if (refusal is not null)
        {
            return refusal;
        }

        if (state.AdverseEvents.ContainsKey(adverseEventId) || state.AdverseEventsEnteredInError.Contains(adverseEventId))
        {
            return Rejection.Conflict($"Adverse event {adverseEventId} is already reported.");
        }

        var errors = Check(r, state, today);
        if (errors.Count > 0)
        {
            return Rejection.Invalid("The adverse event is invalid.", errors);
        }

        return Decision.Append([.. opening, new AdverseEventReported(
            state.Id, adverseEventId, r.CtcaeTerm!.Trim(), r.Grade!.Value, r.OnsetOn!.Value, r.TreatmentRelated!.Value, (r.SuspectedDrugs ?? []).Distinct().ToArray(), now)]);
    }

    /// <summary>The report's own checks, the same for a report and for its correction.</summary>
    internal static Dictionary<string, string[]> Check(Request r, AssessmentPathway state, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.CtcaeTerm))
        {
            errors["ctcaeTerm"] = ["Required: the CTCAE v5 term."];
        }

        if (r.Grade is not (>= 1 and <= 5))
        {
            errors["grade"] = ["Required: CTCAE grade 1 to 5."];
        }

        if (r.OnsetOn is not { } onset || onset > today || onset < state.ReferralDate)
        {
            errors["onsetOn"] = ["Required; not in the future and not before the referral."];
        }

        var drugs = r.SuspectedDrugs ?? [];
        if (r.TreatmentRelated is not { } related)
        {
            errors["treatmentRelated"] = ["Required."];
        }
        else if (related && drugs.Count == 0)
        {
            errors["suspectedDrugs"] = ["A treatment-related event names at least one suspected drug."];
        }
        else if (!related && drugs.Count > 0)
        {
            errors["suspectedDrugs"] = ["An event not related to treatment has no suspected drug."];
        }

        foreach (var unknown in drugs.Where(d => !Drugs.LenTap.Contains(d)).Distinct())
        {
            errors["suspectedDrugs"] = [$"Unknown drug '{unknown}'; one of {string.Join(", ", Drugs.LenTap)}."];
        }

        return errors;
    }

    public static RouteGroupBuilder MapReportAdverseEvent(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/adverse-events", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            {
                var id = request.AdverseEventId ?? Guid.NewGuid();
                ResourceLocation.OnSuccess(http, $"/pathways/{pathwayId}/adverse-events/{id}");
                return writer.Append<AssessmentPathway>(pathwayId, ifMatch, p => Decide(p, request, id, writer.Today, writer.Now), ct);
            })
            .RequireAuthorization(Policies.RecordCare)
            .WithName("ReportAdverseEvent")
            .WithSummary("Report an adverse event (CTCAE v5 term and grade, onset, attribution).");
        return pathways;
    }
}
