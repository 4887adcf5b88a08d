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
public sealed class PathwayAudit(EventRows rows, EventBodies bodies, IQuerySession session)
{
    private string Hospital => session.TenantId;

    public Task<bool> Exists(Guid pathwayId, CancellationToken ct) => rows.StreamExists(Hospital, pathwayId, ct);

    public async Task<HistoryPage> History(Guid pathwayId, HistoryQuery query, bool discloseIdentity, CancellationToken ct)
    {
        var total = await rows.Count(Hospital, pathwayId, query.Filter, ct);
        var version = await rows.LatestVersion(Hospital, pathwayId, ct);
        var page = await rows.Read(Hospital, pathwayId, query.Filter, ct, query.Skip, query.PageSize);
        return new HistoryPage(
            pathwayId, version, total, query.Page, query.PageSize, page.Select(e => HistoryEntry.From(e, discloseIdentity)).ToList());
    }

    /// <summary>
    /// The pathway as known at <paramref name="asOf"/> (events recorded at or before it) or at <paramref name="version"/>;
    /// with neither, as known now.
    /// </summary>
    public async Task<PathwayAsOf> Replay(Guid pathwayId, DateTimeOffset? asOf, long? version, CancellationToken ct)
    {
        var events = await rows.Read(Hospital, pathwayId, new EventFilter(To: asOf, UpToVersion: version), ct);
        return PathwayFold.Fold(pathwayId, bodies.ReadAll(events));
    }

    public async Task<Verification> Verify(Guid pathwayId, CancellationToken ct)
    {
        var stored = await rows.Read(Hospital, pathwayId, new EventFilter(), ct);
        var seals = await session.Query<EventSeal>()
            .Where(s => s.StreamId == pathwayId)
            .OrderBy(s => s.Version)
            .ToListAsync(ct);
        return ChainVerifier.Verify(pathwayId, stored, seals);
    }

    public async Task<Bundle> Export(Guid pathwayId, bool discloseIdentity, string exportedBy, DateTimeOffset now, CancellationToken ct)
    {
        var stored = await rows.Read(Hospital, pathwayId, new EventFilter(), ct);
        var events = stored.Select(e => new ExportedEvent(e, bodies.Read(e).Data)).ToList();
        return FhirExport.Build(pathwayId, events, discloseIdentity, exportedBy, now);
    }
}
