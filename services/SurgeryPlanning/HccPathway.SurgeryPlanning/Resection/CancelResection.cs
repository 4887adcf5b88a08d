using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning.Pathways;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>Cancels the booked resection with a reason; one already performed or cancelled cannot be cancelled.</summary>
public static class CancelResection
{
    public sealed record Request(string? Reason);

    public static Decision Decide(SurgeryPathway pathway, Request request, string clinician, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return Rejection.Invalid("reason", "Say why the resection is cancelled.");
        }

        if (BookedResection.Refusal(pathway, "cancelled") is { } notBooked)
        {
            return notBooked;
        }

        return Decision.Append(new ResectionCancelled(pathway.Id, pathway.ResectionScheduled!.ResectionId, pathway.ResectionBookedOn!.Value,
            request.Reason.Trim(), clinician, now));
    }

    public static RouteGroupBuilder MapCancelResection(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/resection/cancellation", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, ChecklistCommands commands, CancellationToken ct) =>
            commands.Append(pathwayId, ifMatch, (p, _) => Decide(p, request, http.User.ActorName(), commands.Now), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("CancelResection")
            .WithSummary("Cancel the booked resection with a reason (clinicians); a new one may be scheduled afterwards.");
        return pathways;
    }
}

/// <summary>The 409s shared by rescheduling and cancelling: there must be a booked resection not yet performed.</summary>
internal static class BookedResection
{
    public static Rejection? Refusal(SurgeryPathway pathway, string change) => pathway switch
    {
        { ResectionPerformed: { } performed } => Rejection.Conflict(
            $"The resection was performed on {performed.PerformedOn:yyyy-MM-dd}; it cannot be {change}.", "SURG-PATH"),
        { ResectionScheduled: null, ResectionCancelled: { } cancelled } => Rejection.Conflict(
            $"The resection booked for {cancelled.ScheduledOn:yyyy-MM-dd} was cancelled; it cannot be {change}. Schedule a new one."),
        { ResectionScheduled: null } => Rejection.Conflict($"No resection is booked for this pathway; nothing can be {change}."),
        _ => null,
    };
}
