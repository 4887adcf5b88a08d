using HccPathway.Audit.Anchor;
using HccPathway.Audit.Events;
using HccPathway.Audit.Export;
using HccPathway.Audit.History;
using HccPathway.Audit.Replay;
using HccPathway.Audit.Tamper;
using Hl7.Fhir.Model;
using Marten;

namespace HccPathway.Audit;

/// <summary>
/// What an auditor can ask of one pathway, for the HTTP API and the command line alike. Read-only, and only within
/// the hospital the session is opened for: another hospital's pathway does not exist here.
/// </summary>
public sealed class PathwayAudit(EventRows rows, EventBodies bodies, IQuerySession session, AnchorVerifier anchors)
{
    private string Hospital => session.TenantId;

    /// <returns>Null when the pathway does not exist.</returns>
    public async Task<HistoryPage?> History(Guid pathwayId, HistoryQuery query, bool discloseIdentity, CancellationToken ct)
    {
        var read = await rows.ReadStream(Hospital, pathwayId, query.Filter, count: true, ct, query.Skip, query.PageSize);
        return read.Exists
            ? new HistoryPage(pathwayId, read.LatestVersion, read.Total, query.Page, query.PageSize,
                read.Events.Select(e => HistoryEntry.From(e, discloseIdentity)).ToList())
            : null;
    }

    /// <summary>
    /// The pathway as known at <paramref name="asOf"/> (events recorded at or before it) or at <paramref name="version"/>;
    /// with neither, as known now. Null when the pathway does not exist.
    /// </summary>
    public async Task<PathwayAsOf?> Replay(Guid pathwayId, DateTimeOffset? asOf, long? version, CancellationToken ct)
    {
        var read = await rows.ReadStream(Hospital, pathwayId, new EventFilter(To: asOf, UpToVersion: version), count: false, ct);
        return read.Exists ? PathwayFold.Fold(pathwayId, bodies.ReadAll(read.Events)) : null;
    }

    /// <summary>The hash chain from the seals in the database, then compared with the checkpoints outside it.</summary>
    /// <returns>Null when the pathway has no events.</returns>
    public async Task<Verification?> Verify(Guid pathwayId, CancellationToken ct)
    {
        var stored = await rows.Read(Hospital, pathwayId, new EventFilter(), ct);
        if (stored.Count == 0)
        {
            return null;
        }

        var seals = await session.Query<EventSeal>()
            .Where(s => s.StreamId == pathwayId)
            .OrderBy(s => s.Version)
            .ToListAsync(ct);
        return await anchors.Check(Hospital, stored, ChainVerifier.Verify(pathwayId, stored, seals), ct);
    }

    /// <returns>Null when the pathway has no events.</returns>
    public async Task<Bundle?> Export(Guid pathwayId, bool discloseIdentity, string exportedBy, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await rows.Read(Hospital, pathwayId, new EventFilter(), ct);
        if (stored.Count == 0)
        {
            return null;
        }

        var events = stored.Select(e => new ExportedEvent(e, bodies.Read(e).Data)).ToList();
        return FhirExport.Build(pathwayId, events, discloseIdentity, exportedBy, now);
    }
}
