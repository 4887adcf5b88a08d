using HccPathway.Assessment.ReadModels;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;

namespace HccPathway.Assessment.Pathways.CompleteResponse;

/// <summary>
/// RESP-CCR (4)'s stability deadline, swept by the clustered Quartz job (<see cref="DeadlineScheduling"/>). The deadline
/// is durable: every pathway's response table (<see cref="ResponseHistory"/>, written with the events) keeps its mRECIST
/// responses with their dates, so a sweep after any downtime finds every period that ran out meanwhile. Each candidate
/// is decided in its own hospital's session through the one write step (<see cref="PathwayAppend"/>, the stream locked)
/// with <see cref="MarkCcrStabilityReached"/>, and the event gets its deterministic id.
/// </summary>
public sealed class CcrStabilitySweep(IDocumentStore store, HospitalClock clock, ClinicalRuleSet rules) : IDeadlineSweep
{
    public const string Actor = "assessment-deadlines";

    public async Task<int> Run(CancellationToken cancellation)
    {
        var now = clock.GetUtcNow();
        var appended = 0;
        foreach (var candidate in await Candidates(now, cancellation))
        {
            if (await Append(candidate.Id, candidate.Hospital, now, cancellation))
            {
                appended++;
            }
        }

        return appended;
    }

    // Every hospital's pathways without a cCR whose current series ends in a run of mRECIST CR that started at least the
    // period ago. The conditions cannot have held since before that run began, so this over-selects (markers or scans may
    // start them later, and no hospital's today is more than one day after the UTC date); the decider refuses the rest.
    private async Task<IReadOnlyList<ResponseHistory>> Candidates(DateTimeOffset now, CancellationToken cancellation)
    {
        var latestToday = DateOnly.FromDateTime(now.UtcDateTime).AddDays(1);
        await using var session = store.QuerySession();
        var open = await session.Query<ResponseHistory>()
            .Where(h => h.AnyTenant() && !h.Ccr.Holds)
            .ToListAsync(cancellation);
        return open
            .Where(h => CompleteResponseRunSince(h) is { } since
                && MarkCcrStabilityReached.ReachedOn(since, rules.CcrStabilityMonths) <= latestToday)
            .ToList();
    }

    // The first study of the trailing run of mRECIST CR in the current series (from the last baseline), if it ends in CR.
    private static DateOnly? CompleteResponseRunSince(ResponseHistory h)
    {
        var series = h.Studies.Skip(Math.Max(0, h.Studies.FindLastIndex(s => s.IsBaseline)))
            .Where(s => !s.IsBaseline && s.Mrecist.Category is { } c && c != ResponseCategories.NotEvaluable)
            .ToArray();
        var lastNonCr = Array.FindLastIndex(series, s => s.Mrecist.Category != ResponseCategories.CompleteResponse);
        return lastNonCr + 1 < series.Length ? series[lastNonCr + 1].StudyOn : null;
    }

    /// <summary>Decides and appends one pathway's stability event in its hospital, retrying a lost race; false when refused.</summary>
    public async Task<bool> Append(Guid pathwayId, string hospital, DateTimeOffset now, CancellationToken cancellation)
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

    private async Task<bool> Mark(Guid pathwayId, string hospital, DateTimeOffset now, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession(hospital);
        session.LastModifiedBy = Actor;
        var today = clock.Today(hospital);
        var (exists, decision, _) = await PathwayAppend.Decide<AssessmentPathway>(
            session, pathwayId, null, (pathway, _) => Task.FromResult(MarkCcrStabilityReached.Decide(pathway, today, rules, now)), cancellation);
        if (!exists || decision.Rejection is not null)
        {
            // Confirmed, broken, not yet over or already recorded since the candidate was read: nothing to append.
            return false;
        }

        foreach (var e in session.PendingChanges.Streams().SelectMany(s => s.Events))
        {
            if (e.Data is CcrStabilityPeriodReached reached)
            {
                e.Id = MarkCcrStabilityReached.EventId(reached.PathwayId, reached.ConditionsMetSince, reached.StabilityMonths);
            }
        }

        await session.SaveChangesAsync(cancellation);
        return true;
    }
}
