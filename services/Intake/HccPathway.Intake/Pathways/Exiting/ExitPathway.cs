using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.Exiting;

/// <summary>
/// Records that the patient left the pathway (death, withdrawal of consent, transfer, loss to follow-up). Every
/// service stops for the patient; a second exit, like any later command, is refused by the writer (PATHWAY-EXITED).
/// </summary>
public static class ExitPathway
{
    private const int MaxDetailLength = 500;

    /// <param name="Detail">The clinician's short explanation (for a transfer, the receiving centre); never the patient's identity.</param>
    public sealed record Request(string? Reason, DateOnly? ExitedOn, string? Detail);

    public static Decision Decide(IntakePathway pathway, Request request, string recordedBy, DateOnly today, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<PathwayExitReason>(request.Reason, ignoreCase: true, out var reason)
            || !Enum.IsDefined(reason)
            || int.TryParse(request.Reason, out _))
        {
            errors["reason"] = [$"Required; one of: {string.Join(", ", Enum.GetNames<PathwayExitReason>())}."];
        }

        if (string.IsNullOrWhiteSpace(request.Detail) || request.Detail.Length > MaxDetailLength)
        {
            errors["detail"] = [$"Required, at most {MaxDetailLength} characters."];
        }

        if (request.ExitedOn is not { } exitedOn || exitedOn > today || exitedOn < pathway.ReferralDate)
        {
            errors["exitedOn"] = ["Required; not in the future and not before the referral."];
        }

        if (errors.Count > 0)
        {
            return Rejection.Invalid("The exit has invalid fields.", errors);
        }

        return Decision.Append(new PathwayExited(pathway.Id, reason, request.ExitedOn!.Value, request.Detail!.Trim(), recordedBy, now));
    }

    public static RouteGroupBuilder MapExitPathway(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/exit", (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                CancellationToken ct) =>
            writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now), ct))
            .RequireAuthorization(Policies.RecordCare)
            .WithName("ExitPathway")
            .WithSummary("Record that the patient left the pathway (died, withdrew consent, transferred, lost to follow-up); every service stops for them.");
        return pathways;
    }
}
