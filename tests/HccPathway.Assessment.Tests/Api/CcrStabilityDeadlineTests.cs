using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using JasperFx.Events;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

/// <summary>
/// RESP-CCR (4)'s stability deadline against the real store: sweepers built as the service builds them, each with a
/// <see cref="FakeTimeProvider"/> the test moves on by days. Two sweepers stand for two replicas; a new one is a restart.
/// </summary>
[Collection(AssessmentServiceCollection.Name)]
public sealed class CcrStabilityDeadlineTests(AssessmentService service)
{
    private static readonly DateOnly Today = AssessmentClient.Today;
    private static readonly DateOnly ConditionsMet = Today.AddDays(-28);
    private static readonly DateOnly PeriodOver = ConditionsMet.AddMonths(ClinicalRuleSet.Default.CcrStabilityMonths);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    [Fact]
    public async Task The_period_is_recorded_reached_once_on_its_day_by_two_replicas_and_a_restart_and_published()
    {
        var id = await ConditionsHeld();

        // The day before the period is over, then the day it is, swept by two replicas at once and a restart.
        // Other tests' pathways share the store, so what is asserted is this pathway's stream, not the sweeps' counts.
        var clock = new FakeTimeProvider(At(PeriodOver.AddDays(-1)));
        await Sweeper(clock).Run(default);
        Assert.DoesNotContain(await Stream(id), e => e.Data is CcrStabilityPeriodReached);
        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Sweeper(clock).Run(default), Sweeper(clock).Run(default));
        await Sweeper(clock).Run(default);

        var reached = Assert.Single(await Stream(id), e => e.Data is CcrStabilityPeriodReached);
        var data = (CcrStabilityPeriodReached)reached.Data;
        Assert.Equal(MarkCcrStabilityReached.EventId(id, ConditionsMet, 3), reached.Id);
        Assert.Equal((ConditionsMet, 3, PeriodOver, "RESP-CCR"), (data.ConditionsMetSince, data.StabilityMonths, data.ReachedOn, data.RuleId));
        Assert.Equal(CcrStabilitySweep.Actor, reached.UserName);
        Assert.NotNull(data.Evidence.PetCtStudyId);
        var published = await service.Subscriber.WaitFor<CcrStabilityPeriodReached>(m => m.MessageId == reached.Id);
        Assert.Equal(id.ToString(), published.Header(RelayHeaders.PathwayId));
    }

    [Fact]
    public async Task After_three_days_down_one_sweep_records_the_period_once_with_its_own_day()
    {
        var id = await ConditionsHeld();
        var clock = new FakeTimeProvider(At(PeriodOver.AddDays(-1)));
        await Sweeper(clock).Run(default);
        Assert.DoesNotContain(await Stream(id), e => e.Data is CcrStabilityPeriodReached);

        clock.Advance(TimeSpan.FromDays(3));
        await Sweeper(clock).Run(default);
        await Sweeper(clock).Run(default);

        var reached = (await Stream(id)).Select(e => e.Data).OfType<CcrStabilityPeriodReached>().ToList();
        Assert.Equal(PeriodOver, Assert.Single(reached).ReachedOn);
    }

    [Fact]
    public async Task A_marker_above_normal_since_stops_the_period_and_the_sweep_appends_nothing()
    {
        var id = await ConditionsHeld();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = Today.AddDays(-2), afp = new { value = 90, unit = "ng/mL" } }).Ok();
        var before = await service.VersionOf(id);

        await Sweeper(new FakeTimeProvider(At(PeriodOver.AddDays(1)))).Run(default);

        Assert.Equal(before, await service.VersionOf(id));
    }

    private CcrStabilitySweep Sweeper(TimeProvider clock) => new(
        service.Store, new HospitalClock(clock, service.Factory.Services.GetRequiredService<IOptions<HospitalTimeZones>>()),
        service.Factory.Services.GetRequiredService<ClinicalRuleSet>());

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    // Baseline AFP 400 ng/mL; the liver target stops enhancing and AFP is normal 30 days ago, a PET-CT is clear 28 days
    // ago: RESP-CCR (1)–(3) hold since then, and no CR study has come since to confirm it.
    private async Task<Guid> ConditionsHeld()
    {
        var id = await service.PathwayFromIntake(Today.AddDays(-120));
        await clinician.RecordStudy(id, Baseline(Today.AddDays(-115), Liver("L1", 50m, 40m))).Ok();
        await clinician.RecordStudy(id, FollowUp(Today.AddDays(-30), Liver("L1", 20m, 0m))).Ok();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = Today.AddDays(-30), afp = new { value = 10, unit = "ng/mL" } }).Ok();
        await clinician.RecordStudy(id, FollowUp(ConditionsMet) with { Modality = ImagingModalities.PetCt, TargetLesions = [] }).Ok();
        return id;
    }

    private async Task<IReadOnlyList<IEvent>> Stream(Guid id)
    {
        await using var session = service.Store.QuerySession();
        return await session.Events.FetchStreamAsync(id);
    }
}
