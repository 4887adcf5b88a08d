using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.Enrolling;

/// <summary>A clinician's decision not to enrol, eligible or not, with the reason.</summary>
public static class DeclineEnrolment
{
    public sealed record Request(string? Reason);

    public static Decision Decide(IntakePathway pathway, Request request, string clinician, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Rejection.Invalid("reason", "A reason is required.");
        }

        if (pathway.IsClosed)
        {
            return Rejection.Conflict($"The enrolment decision was already made: {pathway.Phase.ToString().ToLowerInvariant()}.");
        }

        return Decision.Append(new EnrolmentDeclined(pathway.Id, clinician, request.Reason.Trim(), now));
    }

    public static RouteGroupBuilder MapDeclineEnrolment(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/enrolment-declined", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("DeclineEnrolment")
            .WithSummary("Record the decision not to enrol the patient (clinicians only).");
        return pathways;
    }
}
