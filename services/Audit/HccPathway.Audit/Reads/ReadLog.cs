using System.Diagnostics;
using Marten;

namespace HccPathway.Audit.Reads;

/// <summary>Records every audit read before its answer is returned: auditors are audited.</summary>
public sealed class ReadLog(IDocumentSession session, TimeProvider clock)
{
    public async Task Record(
        string actor, Guid? pathwayId, string what, string? query, bool found, bool identityDisclosed, CancellationToken ct)
    {
        session.Store(new AuditRead(
            Guid.CreateVersion7(), actor, pathwayId, what, query, found, identityDisclosed, clock.GetUtcNow(),
            Activity.Current?.TraceId.ToString()));
        await session.SaveChangesAsync(ct);
    }
}
