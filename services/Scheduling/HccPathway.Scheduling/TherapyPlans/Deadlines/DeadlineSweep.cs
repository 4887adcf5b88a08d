using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.Calendars;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// SCHED-DUE's sweep, run by the clustered Quartz job (<see cref="DeadlineScheduling"/>). The deadlines are durable:
/// every outstanding item is a <see cref="WorklistEntry"/> row with its due date, written with the events, so a sweep
/// after any downtime finds every date that passed meanwhile. Each candidate is decided in its own hospital's session
/// by the one write step (<see cref="PathwayAppend"/>, the stream locked), with <see cref="MarkSurveillanceDue"/> and
/// <see cref="MarkOverdue"/>; each event gets its deterministic id (<see cref="DeadlineIds"/>).
/// </summary>
public sealed class DeadlineSweep(IDocumentStore store, HospitalClock clock, ClinicalRuleSet rules) : IDeadlineSweep
{
    public const string Actor = "scheduling-deadlines";

    public async Task<int> Run(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var appended = 0;

        // Surveillance first: an item that fell due and went overdue while the service was down gets both, in order.
        foreach (var row in await SurveillanceCandidates(now, cancellation))
        {
            if (await AppendSurveillanceDue(row, now, cancellation))
            {
                appended++;
            }
        }

        foreach (var row in await OverdueCandidates(now, cancellation))
        {
            if (await AppendOverdue(row, now, cancellation))
            {
                appended++;
            }
        }

        return appended;
    }

    // No hospital's today is more than one day after the UTC date, so the candidates over-select at most a day; the
    // deciders, with the hospital's own today, refuse the rest.
    private static DateOnly LatestToday(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);

    // Every hospital's outstanding rows whose window may have passed.
    private async Task<IReadOnlyList<WorklistEntry>> OverdueCandidates(DateTimeOffset now, CancellationToken cancellation)
    {
        var latestDueOn = LatestToday(now).AddDays(-(rules.ScheduleOverdueGraceDays + 1));
        await using var session = store.QuerySession();
        return await session.Query<WorklistEntry>()
            .Where(e => e.AnyTenant() && e.State == WorklistEntry.States.Planned && e.DueOn <= latestDueOn && e.OverdueOn == null)
            .OrderBy(e => e.DueOn)
            .ToListAsync(cancellation);
    }

    // Outstanding surveillance rows due by now and not yet overdue; those that already fell due are refused by the decider.
    private async Task<IReadOnlyList<WorklistEntry>> SurveillanceCandidates(DateTimeOffset now, CancellationToken cancellation)
    {
        var latestDueOn = LatestToday(now);
        await using var session = store.QuerySession();
        return await session.Query<WorklistEntry>()
            .Where(e => e.AnyTenant() && e.ItemType == TherapyItemTypes.Surveillance && e.State == WorklistEntry.States.Planned
                && e.DueOn <= latestDueOn && e.OverdueOn == null)
            .OrderBy(e => e.DueOn)
            .ToListAsync(cancellation);
    }

    /// <summary>
    /// Decides and appends one row's overdue event, in the row's hospital; false when the decider refused (nothing
    /// appended). Public so a test can race two of them.
    /// </summary>
    public Task<bool> AppendOverdue(WorklistEntry row, DateTimeOffset now, CancellationToken cancellation) =>
        Append(row, (plan, today) => MarkOverdue.Decide(plan, row.ItemId, today, rules, now), cancellation);

    /// <summary>Decides and appends one surveillance row's due event, in the row's hospital; false when refused.</summary>
    public Task<bool> AppendSurveillanceDue(WorklistEntry row, DateTimeOffset now, CancellationToken cancellation) =>
        Append(row, (plan, today) => MarkSurveillanceDue.Decide(plan, row.ItemId, today, rules, now), cancellation);

    // Retries a lost version race on the new state.
    private async Task<bool> Append(WorklistEntry row, Func<TherapyPlan, DateOnly, Decision> decide, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Mark(row, decide, cancellation);
            }
            catch (Exception e) when (VersionRace.IsLost(e) && VersionRace.MayRetry(attempt))
            {
                await VersionRace.Pause(attempt, cancellation);
            }
        }
    }

    private async Task<bool> Mark(WorklistEntry row, Func<TherapyPlan, DateOnly, Decision> decide, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(row.Hospital);
        session.LastModifiedBy = Actor;
        var today = clock.Today(row.Hospital);
        var (exists, decision, _) = await PathwayAppend.Decide<TherapyPlan>(
            session, row.PathwayId, null, (plan, _) => Task.FromResult(decide(plan, today)),
            cancellation, () => new TherapyPlan { Id = row.PathwayId });
        if (!exists || decision.Rejection is not null)
        {
            // Given, skipped, held, already recorded or not yet due since the row was read: nothing to append.
            return false;
        }

        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events))
        {
            e.Id = e.Data switch
            {
                TherapyItemOverdue overdue => DeadlineIds.Overdue(overdue.PathwayId, overdue.ItemId, overdue.Revision),
                SurveillanceFellDue due => DeadlineIds.SurveillanceDue(due.PathwayId, due.ItemId, due.Revision),
                _ => e.Id,
            };
        }

        await session.SaveChangesAsync(cancellation);
        return true;
    }
}
