using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using Marten;

namespace HccPathway.SurgeryPlanning.Readiness.StaleEvidence;

/// <summary>
/// SURG-READY's evidence deadlines, swept by the clustered Quartz job (<see cref="DeadlineScheduling"/>). The deadlines
/// are durable: every checklist keeps the evidence its last appended readiness rests on, with dates, so a sweep after
/// any downtime finds every piece that passed its age meanwhile. Each candidate is decided in its own hospital's
/// session through the one write step (<see cref="PathwayAppend"/>, the stream locked) with
/// <see cref="MarkStaleEvidence"/>, and each stale event gets its deterministic id.
/// </summary>
public sealed class StaleEvidenceSweep(IDocumentStore store, HospitalClock clock, ClinicalRuleSet rules) : IDeadlineSweep
{
    public const string Actor = "surgery-planning-deadlines";

    public async Task<int> Run(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var appended = 0;
        foreach (var candidate in await Candidates(now, cancellation))
        {
            appended += await Append(candidate.Id, candidate.Hospital, now, cancellation);
        }

        return appended;
    }

    // Every hospital's open checklists with evidence that may have passed its age. No hospital's today is more than one
    // day after the UTC date, so this over-selects at most a day; the decider, with the hospital's own today, refuses it.
    private async Task<IReadOnlyList<PatientChecklist>> Candidates(DateTimeOffset now, CancellationToken cancellation)
    {
        var latestToday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        await using var session = store.QuerySession();
        var open = await session.Query<PatientChecklist>()
            .Where(c => c.AnyTenant() && c.Exit == null && c.LastEvaluatedOn != null)
            .ToListAsync(cancellation);
        return open
            .Where(c => c.Criteria.SelectMany(x => x.Evidence)
                .Any(e => MarkStaleEvidence.StaleOn(e.On, rules) <= latestToday && !c.StaleEvidenceIds.Contains(e.EventId)))
            .ToList();
    }

    /// <summary>Decides and appends one pathway's stale evidence in its hospital, retrying a lost race; how many stale events it appended.</summary>
    public async Task<int> Append(Guid pathwayId, string hospital, DateTimeOffset now, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Mark(pathwayId, hospital, now, cancellation);
            }
            catch (Exception e) when (VersionRace.IsLost(e) && VersionRace.MayRetry(attempt))
            {
                await VersionRace.Pause(attempt, cancellation);
            }
        }
    }

    private async Task<int> Mark(Guid pathwayId, string hospital, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(hospital);
        session.LastModifiedBy = Actor;
        var today = clock.Today(hospital);
        PatientChecklist? checklist = null;
        var (exists, decision, _) = await PathwayAppend.Decide<SurgeryPathway>(session, pathwayId, null, async (pathway, ct) =>
        {
            // Decided on the checklist caught up with the stream, as commands decide (ChecklistCommands).
            checklist = await session.LoadAsync<PatientChecklist>(pathwayId, ct) ?? new PatientChecklist { Id = pathwayId };
            foreach (var e in await session.Events.FetchStreamAsync(pathwayId, token: ct))
            {
                FactRecording.RecordUpstream(checklist, e.Data, e.Id);
            }

            return MarkStaleEvidence.Decide(pathway, checklist, today, rules, now);
        }, cancellation);
        if (!exists || decision.Rejection is not null || checklist is null)
        {
            return 0;
        }

        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events))
        {
            if (e.Data is ReadinessEvidenceWentStale stale)
            {
                e.Id = MarkStaleEvidence.EventId(stale.PathwayId, stale.EvidenceEventId);
            }
        }

        session.Store(checklist);
        await session.SaveChangesAsync(cancellation);
        return decision.Events.OfType<ReadinessEvidenceWentStale>().Count();
    }
}
