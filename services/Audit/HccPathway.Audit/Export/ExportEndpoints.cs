using HccPathway.Audit.Privacy;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Security;
using Hl7.Fhir.Serialization;
using Microsoft.AspNetCore.Authorization;

namespace HccPathway.Audit.Export;

public static class ExportEndpoints
{
    public const string FhirJson = "application/fhir+json";

    public static RouteGroupBuilder MapFhirExport(this RouteGroupBuilder pathways)
    {
        pathways.MapGet("/{pathwayId:guid}/fhir", async (Guid pathwayId, bool? identity, AuditedRead read,
                IAuthorizationService authorization, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var (disclose, refusal) = await IdentityDisclosure.Decide(http.User, identity, authorization);
                if (refusal is not null)
                {
                    return refusal;
                }

                return await read.Run(http.User, pathwayId, AuditReadKinds.FhirExport, disclose ? "identity=true" : null, disclose,
                    audit => audit.Export(pathwayId, disclose, http.User.ActorName(), clock.GetUtcNow(), ct),
                    bundle => TypedResults.Text(bundle.ToJson(), FhirJson), ct);
            })
            .RequireAuthorization(Policies.Audit)
            .WithName("ExportFhir")
            .WithSummary("The pathway as a FHIR R4 collection Bundle; the patient is pseudonymised unless identity=true and permitted.");
        return pathways;
    }
}
