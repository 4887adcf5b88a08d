using System.Net;
using System.Net.Http.Json;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.SurgeryPlanning.Readiness.StaleEvidence;
using HccPathway.SurgeryPlanning.Tests.Deciders;
using HccPathway.Testing;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>
/// SURG-READY's evidence deadlines against the real store: sweepers built as the service builds them, each with a
/// <see cref="FakeTimeProvider"/> the test moves on by days. Two sweepers stand for two replicas; a new one is a restart.
/// </summary>
[Collection(SurgeryPlanningCollection.Name)]
public sealed class StaleEvidenceTests(SurgeryPlanningService host)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task Evidence_passing_its_age_is_recorded_stale_once_by_two_replicas_and_a_restart_and_readiness_flips()
    {
        var id = await ReadyPathway(responseOn: Today.AddDays(-3), liverOn: Today.AddDays(-2));
        var response = (await Stream(id)).Select(e => e.Data).OfType<SurgicalReadinessEvaluated>().Last()
            .Criteria.Single(c => c.Key == ReadinessCriteria.Response).Evidence.Single();

        // The last day the response counts (30 days old), then the first stale day, swept by two replicas at once.
        // Other tests' pathways share the store, so what is asserted is this pathway's stream, not the sweeps' counts.
        var clock = new FakeTimeProvider(At(Today.AddDays(-3 + 30)));
        await Sweeper(clock).Run(default);
        Assert.DoesNotContain(await Stream(id), e => e.Data is ReadinessEvidenceWentStale);
        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Sweeper(clock).Run(default), Sweeper(clock).Run(default));
        await Sweeper(clock).Run(default);

        var events = await Stream(id);
        var stale = Assert.Single(events, e => e.Data is ReadinessEvidenceWentStale);
        var data = (ReadinessEvidenceWentStale)stale.Data;
        Assert.Equal(MarkStaleEvidence.EventId(id, response.EventId), stale.Id);
        Assert.Equal((response.EventId, Today.AddDays(-3), Today.AddDays(28), 30, "SURG-READY"),
            (data.EvidenceEventId, data.RecordedOn, data.StaleOn, data.MaximumAgeDays, data.RuleId));
        // The response study also gave the extrahepatic status (criterion 5).
        Assert.Equal([ReadinessCriteria.Response, ReadinessCriteria.NoExtrahepaticDisease], data.CriteriaKeys);

        // Readiness flips in the same transaction, right after it, and names the stale event as its trigger.
        var flipped = (SurgicalReadinessEvaluated)events.Single(e => e.Version == stale.Version + 1).Data;
        Assert.Equal((ReadinessVerdicts.Blocked, ReadinessVerdicts.Ready, Today.AddDays(28)), (flipped.Verdict, flipped.PreviousVerdict, flipped.EvaluatedOn));
        Assert.Equal(CriterionStatuses.Unknown, flipped.Criteria.Single(c => c.Key == ReadinessCriteria.Response).Status);
        Assert.Equal(stale.Id, flipped.TriggeredBy);
        await host.Subscriber.WaitFor<ReadinessEvidenceWentStale>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());

        // The next day the liver function passes its age too: one more event, for it alone.
        clock.Advance(TimeSpan.FromDays(1));
        await Sweeper(clock).Run(default);
        var both = (await Stream(id)).Select(e => e.Data).OfType<ReadinessEvidenceWentStale>().ToList();
        Assert.Equal(2, both.Count);
        Assert.Equal(Today.AddDays(-2), both[1].RecordedOn);
    }

    [Fact]
    public async Task After_three_days_down_one_sweep_records_each_stale_piece_once()
    {
        var id = await ReadyPathway(responseOn: Today.AddDays(-3), liverOn: Today.AddDays(-2));
        var clock = new FakeTimeProvider(At(Today.AddDays(-3 + 30)));
        await Sweeper(clock).Run(default);
        Assert.DoesNotContain(await Stream(id), e => e.Data is ReadinessEvidenceWentStale);

        // Down for three days: the response, then the liver function pass their age (the surgeon's assessment not yet).
        clock.Advance(TimeSpan.FromDays(3));
        await Sweeper(clock).Run(default);
        await Sweeper(clock).Run(default);

        var stale = (await Stream(id)).Select(e => e.Data).OfType<ReadinessEvidenceWentStale>().ToList();
        Assert.Equal(2, stale.Count);
        Assert.Equal(stale.Count, stale.Select(s => s.EvidenceEventId).Distinct().Count());
        Assert.Equal(ReadinessVerdicts.Blocked, (await Stream(id)).Select(e => e.Data).OfType<SurgicalReadinessEvaluated>().Last().Verdict);
    }

    private StaleEvidenceSweep Sweeper(TimeProvider clock) => new(
        host.Store, new HospitalClock(clock, host.Service.Services.GetRequiredService<IOptions<HospitalTimeZones>>()),
        host.Service.Services.GetRequiredService<ClinicalRuleSet>());

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    // Enrolled four months ago, a partial response, liver function and the surgeon's assessment today: ready.
    private async Task<Guid> ReadyPathway(DateOnly responseOn, DateOnly liverOn)
    {
        var id = await host.NewEnrolledPathway(Today.AddMonths(-4));
        await host.Publish(new PatientEnrolled(id, ["ELIG-2"], 70, Today.AddMonths(-4), "dr", "convert", DateTimeOffset.UtcNow), Guid.NewGuid());
        await host.Publish(Patients.Response(responseOn, ResponseCategories.PartialResponse) with { PathwayId = id }, Guid.NewGuid());
        await host.Publish(Patients.LiverFunction(liverOn, childPugh: 6, icg: 11m, ecog: 0, flr: 0.46) with { PathwayId = id }, Guid.NewGuid());
        await Eventually.True(async () => (await Stream(id)).Select(e => e.Data).OfType<SurgicalReadinessEvaluated>()
            .Any(e => e.Criteria.Count(c => c.Status == CriterionStatuses.Pass) == 4), what: "response and liver function consumed");
        var clinician = host.Service.ClientAs(Roles.Clinician, "dr-surgeon");
        var assessed = await clinician.PostAsJsonAsync($"/pathways/{id}/surgical-feasibility",
            new { assessedOn = Today, r0ResectionFeasible = true, otherContraindication = false });
        Assert.Equal(HttpStatusCode.OK, assessed.StatusCode);
        Assert.Equal(ReadinessVerdicts.Ready, (await Stream(id)).Select(e => e.Data).OfType<SurgicalReadinessEvaluated>().Last().Verdict);
        return id;
    }

    private async Task<IReadOnlyList<IEvent>> Stream(Guid id)
    {
        await using var session = host.Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
