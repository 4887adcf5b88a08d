using System.Security.Claims;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Audit;

/// <summary>
/// The frame of every audit read: record who read what of which pathway (found or not), then answer, or 404 when
/// the pathway does not exist. The record is written before the answer leaves.
/// </summary>
public sealed class AuditedRead(PathwayAudit audit, ReadLog log)
{
    public PathwayAudit Audit => audit;

    public async Task<IResult> Run(
        ClaimsPrincipal user, Guid pathwayId, string what, string? query, bool identityDisclosed,
        Func<PathwayAudit, Task<IResult>> answer, CancellationToken ct)
    {
        var found = await audit.Exists(pathwayId, ct);
        await log.Record(user.ActorName(), pathwayId, what, query, found, found && identityDisclosed, ct);
        return found
            ? await answer(audit)
            : ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist."));
    }
}
