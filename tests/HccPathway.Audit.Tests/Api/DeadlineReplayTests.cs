using System.Text.Json;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Audit.Tests.Api;

/// <summary>Deadlines that became events (SCHED-DUE, SURG-READY, RESP-CCR (4)) replay as of when they were recorded, and not before.</summary>
public sealed class DeadlineReplayTests(AuditService service) : IClassFixture<AuditService>
{
    private readonly HttpClient auditor = service.Auditor();

    [Fact]
    public async Task Stale_readiness_evidence_and_the_verdict_it_flips_replay_as_of_the_day_they_were_recorded()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story);
        await service.Append(id, "surgery-planning", false, story.Ready());
        var evidence = Guid.NewGuid();
        var staleOn = Story.Day0.AddDays(171);
        var ready = story.Ready();
        await service.Append(id, "surgery-planning-deadlines", false,
            new ReadinessEvidenceWentStale(id, evidence, Story.Day0.AddDays(140), staleOn, 30, [ReadinessCriteria.Response], "SURG-READY", "2026.1",
                DateTimeOffset.UtcNow),
            ready with
            {
                Verdict = ReadinessVerdicts.NearlyReady, EvaluatedOn = staleOn, PreviousVerdict = ReadinessVerdicts.Ready,
                Criteria = [.. ready.Criteria.Select(c => c.Key == ReadinessCriteria.Response ? c with { Status = CriterionStatuses.Unknown } : c)],
                ChangedCriteria = [ReadinessCriteria.Response],
            });

        var history = (await auditor.History(id)).Items();
        var stale = history.Single(i => i.GetProperty("name").GetString() == "surgery-planning.readiness-evidence-went-stale.v1");
        var lastBefore = history.Single(i => i.GetProperty("version").GetInt64() == stale.GetProperty("version").GetInt64() - 1);
        var before = await auditor.State(id, "asOf=" + lastBefore.Instant());
        var after = await auditor.State(id);

        Assert.Equal("ready", before.GetProperty("readiness").GetProperty("verdict").GetString());
        Assert.Empty(before.GetProperty("staleEvidence").EnumerateArray());
        Assert.Equal("nearly-ready", after.GetProperty("readiness").GetProperty("verdict").GetString());
        Assert.Equal(staleOn, DateOnly.Parse(after.GetProperty("readiness").GetProperty("evaluatedOn").GetString()!));
        var recorded = Assert.Single(after.GetProperty("staleEvidence").EnumerateArray());
        Assert.Equal((evidence, staleOn), (recorded.GetProperty("evidenceEventId").GetGuid(), DateOnly.Parse(recorded.GetProperty("staleOn").GetString()!)));
    }

    [Fact]
    public async Task A_ccr_stability_period_reached_replays_from_its_version_and_not_before()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 6);
        var since = Story.Day0.AddDays(60);
        await service.Append(id, "assessment-deadlines", false, new CcrStabilityPeriodReached(
            id, since, 3, since.AddMonths(3), [new CriterionResult("RESP-CCR", "(1) mRECIST complete response of all tumours", "CompleteResponse", "CompleteResponse", "pass")],
            new CcrEvidence([Guid.NewGuid()], Guid.NewGuid(), Guid.NewGuid(), []), "RESP-CCR", "2026.1", DateTimeOffset.UtcNow));
        var history = (await auditor.History(id)).Items();
        var reached = history.Single(i => i.GetProperty("name").GetString() == "assessment.ccr-stability-period-reached.v1");
        var version = reached.GetProperty("version").GetInt64();

        Assert.Equal(JsonValueKind.Null, (await auditor.State(id, $"version={version - 1}")).GetProperty("ccrStabilityReached").ValueKind);
        var after = (await auditor.State(id, $"version={version}")).GetProperty("ccrStabilityReached");
        Assert.Equal((since, 3, since.AddMonths(3), version),
            (DateOnly.Parse(after.GetProperty("conditionsMetSince").GetString()!), after.GetProperty("stabilityMonths").GetInt32(),
             DateOnly.Parse(after.GetProperty("reachedOn").GetString()!), after.GetProperty("version").GetInt64()));
        Assert.Empty((await auditor.State(id)).GetProperty("notFolded").EnumerateArray());
    }

    [Fact]
    public async Task A_surveillance_item_that_fell_due_replays_as_due_from_its_version()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 6);
        var dueOn = Story.Day0.AddDays(90);
        await service.Append(id, "scheduling", false, new TherapyItemPlanned(
            id, "SURV-1", TherapyItemTypes.Surveillance, "", TherapyPhases.FollowUp, 1, dueOn, null, "", null, null, "SCHED-SURV", "2026.1",
            DateTimeOffset.UtcNow));
        await service.Append(id, "scheduling-deadlines", false, new SurveillanceFellDue(id, "SURV-1", dueOn, 0, "SCHED-DUE", "2026.1", DateTimeOffset.UtcNow));
        var dueVersion = (await auditor.History(id)).Items().Last().GetProperty("version").GetInt64();

        static string? Status(JsonElement state) =>
            state.GetProperty("regimen").GetProperty("items").GetProperty("SURV-1").GetProperty("status").GetString();
        Assert.Equal("planned", Status(await auditor.State(id, $"version={dueVersion - 1}")));
        Assert.Equal("due", Status(await auditor.State(id, $"version={dueVersion}")));
    }
}
