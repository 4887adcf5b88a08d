using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Intake.Pathways.ErasingIdentity;

/// <summary>
/// Right to erasure: blanks who the patient was (name, record number, date of birth) in the pathway stream and in
/// Intake's summary, and records that it happened, while the clinical history, and the audit hash chain over it, stay.
/// Only clinicians may ask for it: it is irreversible and removes the link between a record and a person, which is a
/// decision of the responsible clinician on the privacy office's request (its reference is recorded); coordinators
/// record care, schedulers and auditors never write.
/// </summary>
public static class EraseIdentity
{
    private const int MaxReferenceLength = 64;

    /// <param name="RequestReference">The privacy office's reference for the request; never the patient's own identifiers.</param>
    public sealed record Request(string? RequestReference);

    public static Decision Decide(IntakePathway pathway, Request request, string clinician, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(request.RequestReference) || request.RequestReference.Length > MaxReferenceLength)
        {
            return Rejection.Invalid("requestReference", $"The privacy office's request reference is required, at most {MaxReferenceLength} characters.");
        }

        return pathway.IdentityErased
            ? Rejection.Conflict("The patient's identity has already been erased.")
            : Decision.Append(new PatientIdentityErased(pathway.Id, request.RequestReference.Trim(), clinician, now));
    }

    public static RouteGroupBuilder MapEraseIdentity(this RouteGroupBuilder pathways)
    {
        pathways.MapPost("/{pathwayId:guid}/identity-erasure", async (
                Guid pathwayId,
                Request request,
                [FromHeader(Name = "If-Match")] string? ifMatch,
                HttpContext http,
                PathwayWriter writer,
                IQuerySession query,
                IDocumentStore store,
                CancellationToken ct) =>
            {
                // The erasure event and the masked summary commit together; the stream is masked after, in its own
                // transaction (that is how the event store masks). A failure between the two leaves the erasure
                // recorded, and any later request for this pathway (answered 409) masks again, so a retry completes it.
                var result = await writer.Append<IntakePathway>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Now), ct);
                if (await query.Events.AggregateStreamAsync<IntakePathway>(pathwayId, token: ct) is { IdentityErased: true })
                {
                    await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(pathwayId), ct);
                }

                return result;
            })
            .RequireAuthorization(Policies.DecideCare)
            .WithName("EraseIdentity")
            .WithSummary("Erase the patient's identity (data-protection request); the clinical history stays (clinicians only).");
        return pathways;
    }
}
