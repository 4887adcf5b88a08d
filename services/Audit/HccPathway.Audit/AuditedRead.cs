using System.Security.Claims;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Audit;

/// <summary>
/// The frame of every audit read: read the pathway, record who read what of it (found or not), then answer, or 404
/// when the pathway does not exist. The record is committed before the answer leaves; a read whose record cannot be
/// written is not answered.
/// </summary>
public sealed class AuditedRead(PathwayAudit audit, ReadLog log)
{
    public PathwayAudit Audit => audit;

    /// <param name="read">The answer's data, or null when the pathway does not exist.</param>
    public async Task<IResult> Run<T>(
        ClaimsPrincipal user, Guid pathwayId, string what, string? query, bool identityDisclosed,
        Func<PathwayAudit, Task<T?>> read, Func<T, IResult> render, CancellationToken ct)
        where T : class
    {
        var answer = await read(audit);
        await log.Record(user.ActorName(), pathwayId, what, query, answer is not null, answer is not null && identityDisclosed, ct);
        return answer is not null
            ? render(answer)
            : ProblemResults.From(Rejection.NotFound($"Pathway {pathwayId} does not exist."));
    }
}
