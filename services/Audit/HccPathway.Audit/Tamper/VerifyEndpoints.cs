using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Audit.Tamper;

public static class VerifyEndpoints
{
    public static RouteGroupBuilder MapVerify(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/verification", (Guid pathwayId, AuditedRead read, HttpContext http, CancellationToken ct) =>
                read.Run(http.User, pathwayId, AuditReadKinds.Verify, null, false,
                    audit => audit.Verify(pathwayId, ct), TypedResults.Ok, ct))
            .RequireAuthorization(Policies.Audit)
            .WithName("VerifyPathway")
            .WithSummary("Recomputes the pathway's hash chain from the stored events and reports the first event modified, deleted, reordered or inserted.");
        return pathways;
    }
}
