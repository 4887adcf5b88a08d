using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.Calendars;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;
using Microsoft.Extensions.Logging;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// SCHED-DUE's sweep. The deadlines are durable: every outstanding item is a <see cref="WorklistEntry"/> row with its
/// due date, written with the events, so a sweep after any downtime finds every window that passed meanwhile. Each
/// candidate is decided in its own hospital's session by the one write step (<see cref="PathwayAppend"/>, the stream
/// locked), with <see cref="MarkOverdue"/>; the event gets its deterministic id (<see cref="DeadlineIds"/>).
/// </summary>
public sealed partial class DeadlineSweep(
    IDocumentStore store, HospitalClock clock, ClinicalRuleSet rules, string connectionString, ILogger<DeadlineSweep> logger)
{
    public const string Actor = "scheduling-deadlines";

    /// <summary>What one sweep did: whether this replica was elected, and how many overdue events it appended.</summary>
    public readonly record struct Result(bool Elected, int Appended);

    public async Task<Result> Run(CancellationToken cancellation)
    {
        await using var election = await SweepElection.TryWin(connectionString, SweepElection.KeyFor(store.Options.DatabaseSchemaName), cancellation);
        if (election is null)
        {
            return new Result(false, 0);
        }

        var now = clock.GetUtcNow();
        var appended = 0;
        foreach (var row in await Candidates(now, cancellation))
        {
            if (await AppendOverdue(row, now, cancellation))
            {
                appended++;
            }
        }

        LogSwept(logger, appended);
        return new Result(true, appended);
    }

    // Every hospital's outstanding rows whose window may have passed. No hospital's today is more than one day after the
    // UTC date, so this over-selects at most a day; the decider, with the hospital's own today, refuses the rest.
    private async Task<IReadOnlyList<WorklistEntry>> Candidates(DateTimeOffset now, CancellationToken cancellation)
    {
        var latestDueOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1).AddDays(-(rules.ScheduleOverdueGraceDays + 1));
        await using var session = store.QuerySession();
        return await session.Query<WorklistEntry>()
            .Where(e => e.AnyTenant() && e.State == WorklistEntry.States.Planned && e.DueOn <= latestDueOn && e.OverdueOn == null)
            .OrderBy(e => e.DueOn)
            .ToListAsync(cancellation);
    }

    /// <summary>
    /// Decides and appends one row's overdue event, in the row's hospital, retrying a lost version race on the new
    /// state; false when the decider refused (nothing appended). Public so a test can race two of them past the election.
    /// </summary>
    public async Task<bool> AppendOverdue(WorklistEntry row, DateTimeOffset now, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await Mark(row, now, cancellation);
            }
            catch (Exception e) when (VersionRace.IsLost(e) && VersionRace.MayRetry(attempt))
            {
                await VersionRace.Pause(attempt, cancellation);
            }
        }
    }

    private async Task<bool> Mark(WorklistEntry row, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(row.Hospital);
        session.LastModifiedBy = Actor;
        var today = clock.Today(row.Hospital);
        var (exists, decision, _) = await PathwayAppend.Decide<TherapyPlan>(
            session, row.PathwayId, null, (plan, _) => Task.FromResult(MarkOverdue.Decide(plan, row.ItemId, today, rules, now)),
            cancellation, () => new TherapyPlan { Id = row.PathwayId });
        if (!exists || decision.Rejection is not null)
        {
            // Given, skipped, held or already overdue since the row was read: nothing to append.
            return false;
        }

        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events))
        {
            if (e.Data is TherapyItemOverdue overdue)
            {
                e.Id = DeadlineIds.Overdue(overdue.PathwayId, overdue.ItemId, overdue.Revision);
            }
        }

        await session.SaveChangesAsync(cancellation);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep (SCHED-DUE) appended {Appended} overdue event(s).")]
    private static partial void LogSwept(ILogger logger, int appended);
}
