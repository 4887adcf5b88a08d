using System.Net;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.Calendars;
using HccPathway.Scheduling.TherapyPlans.Deadlines;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.Testing;
using JasperFx.Events;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>
/// SCHED-DUE against the real store: sweepers built as the service builds them, each with a <see cref="FakeTimeProvider"/>
/// that the test moves on by days. Two sweeper instances stand for two replicas; a new instance is a restart.
/// </summary>
[Collection(SchedulingCollection.Name)]
public sealed class DeadlineSweepTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public async Task Two_replicas_sweeping_at_once_and_a_restart_append_one_overdue_event_with_the_deterministic_id()
    {
        var (id, _) = await Enrol(Today.AddDays(-60));
        var lenDue = await DueOn(id, "LEN-1");
        var clock = ClockAt(lenDue.AddDays(3));

        Assert.Empty(await OverdueEvents(id));
        await Task.WhenAll(Sweeper(clock).Run(default), Sweeper(clock).Run(default));
        Assert.Empty(await OverdueEvents(id));

        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Sweeper(clock).Run(default), Sweeper(clock).Run(default));
        clock.Advance(TimeSpan.FromDays(1));
        await Sweeper(clock).Run(default);

        var overdue = Assert.Single(await OverdueEvents(id), e => ((TherapyItemOverdue)e.Data).ItemId == "LEN-1");
        Assert.Equal(DeadlineIds.Overdue(id, "LEN-1", 0), overdue.Id);
        Assert.Equal((lenDue, lenDue.AddDays(4), "SCHED-DUE"), (((TherapyItemOverdue)overdue.Data).DueOn, ((TherapyItemOverdue)overdue.Data).OverdueOn, ((TherapyItemOverdue)overdue.Data).RuleId));
        var row = (await coordinator.Calendar(id, lenDue.AddDays(5))).Item("LEN-1");
        Assert.Equal(("overdue", lenDue.AddDays(4)), (row.Str("status"), row.Date("overdueOn")));
        await service.Subscriber.WaitFor<TherapyItemOverdue>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
    }

    [Fact]
    public async Task Two_appends_racing_past_the_election_on_one_item_leave_one_event_because_the_stream_is_locked()
    {
        var (id, _) = await Enrol(Today.AddDays(-60));
        var lenDue = await DueOn(id, "LEN-1");
        var clock = ClockAt(lenDue.AddDays(4));
        WorklistEntry row;
        await using (var query = service.Store.QuerySession())
        {
            row = await query.LoadAsync<WorklistEntry>($"{id}/LEN-1") ?? throw new InvalidOperationException("no worklist row");
        }

        var appended = await Task.WhenAll(
            Sweeper(clock).AppendOverdue(row, clock.GetUtcNow(), default), Sweeper(clock).AppendOverdue(row, clock.GetUtcNow(), default));

        Assert.Equal(1, appended.Count(a => a));
        Assert.Single(await OverdueEvents(id));
    }

    [Fact]
    public async Task After_three_days_down_one_sweep_appends_every_missed_deadline_of_every_hospital_once()
    {
        // LEN-1 due on a Monday, a Tuesday and a Wednesday (the start is the next working day after enrolment).
        var monday = Today.AddDays(-60);
        while (monday.DayOfWeek != DayOfWeek.Monday)
        {
            monday = monday.AddDays(1);
        }

        var pathways = new[]
        {
            ((await Enrol(monday.AddDays(-1))).Id, (string?)null),
            ((await Enrol(monday, "north-hospital")).Id, "north-hospital"),
            ((await Enrol(monday.AddDays(1))).Id, null),
        };
        var clock = ClockAt(monday.AddDays(3));
        await Sweeper(clock).Run(default);
        foreach (var (id, hospital) in pathways)
        {
            Assert.Empty(await OverdueEvents(id, hospital));
        }

        // Down for three days while the three windows pass; then two sweeps after the restart.
        clock.Advance(TimeSpan.FromDays(3));
        await Sweeper(clock).Run(default);
        await Sweeper(clock).Run(default);

        foreach (var (id, hospital) in pathways)
        {
            var overdue = (TherapyItemOverdue)Assert.Single(await OverdueEvents(id, hospital)).Data;
            Assert.Equal("LEN-1", overdue.ItemId);
        }

        var north = new SchedulingClient(service.Factory.ClientAs(Roles.Coordinator, "coordinator-2", "north-hospital"));
        Assert.Equal("overdue", (await north.Calendar(pathways[1].Item1, monday.AddDays(6))).Item("LEN-1").Str("status"));
    }

    [Fact]
    public async Task The_service_sweeps_at_start_up_through_its_clustered_quartz_job()
    {
        // The fixture waits for the first sweep; it ran at start, not one interval (an hour) later.
        var runs = service.Factory.Services.GetRequiredService<DeadlineSweepRuns>();
        Assert.True(runs.First.IsCompletedSuccessfully);
        Assert.True(runs.Completed >= 1);

        await using var connection = new NpgsqlConnection(service.Infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select count(*) from qrtz_scheduler_state where sched_name like 'deadlines-%' and sched_name = $1", connection)
        {
            Parameters = { new() { Value = $"{DeadlineScheduling.Group}-{service.Store.Options.DatabaseSchemaName}" } },
        };
        Assert.Equal(1L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_surveillance_item_falls_due_once_on_its_due_date_even_with_two_replicas_and_a_restart()
    {
        var (id, _) = await Enrol(Today.AddDays(-60));
        var dueOn = Today.AddDays(-20);
        await using (var session = service.Store.LightweightSession())
        {
            session.Events.Append(id, new TherapyItemPlanned(
                id, "SURV-1", TherapyItemTypes.Surveillance, "", TherapyPhases.FollowUp, 1, dueOn, null, "", null, null, "SCHED-SURV",
                "test", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var clock = ClockAt(dueOn.AddDays(-1));
        await Sweeper(clock).Run(default);
        Assert.Empty(await DueEvents(id));

        clock.Advance(TimeSpan.FromDays(1));
        await Task.WhenAll(Sweeper(clock).Run(default), Sweeper(clock).Run(default));
        clock.Advance(TimeSpan.FromDays(1));
        await Sweeper(clock).Run(default);

        var due = Assert.Single(await DueEvents(id));
        Assert.Equal(DeadlineIds.SurveillanceDue(id, "SURV-1", 0), due.Id);
        Assert.Equal(("SURV-1", dueOn, "SCHED-DUE"), (((SurveillanceFellDue)due.Data).ItemId, ((SurveillanceFellDue)due.Data).DueOn, ((SurveillanceFellDue)due.Data).RuleId));
        await service.Subscriber.WaitFor<SurveillanceFellDue>(m => m.Header(RelayHeaders.PathwayId) == id.ToString());
    }

    [Fact]
    public async Task An_item_given_or_skipped_never_goes_overdue()
    {
        var (id, _) = await Enrol(Today.AddDays(-60));
        var lenDue = await DueOn(id, "LEN-1");
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = lenDue })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "items/TACE-1/skip", new { reason = "Angiography suite closed" })).StatusCode);
        var cam1Due = await DueOn(id, "CAM-1");
        var clock = ClockAt(cam1Due.AddDays(4));

        await Sweeper(clock).Run(default);

        var overdue = (await OverdueEvents(id)).Select(e => ((TherapyItemOverdue)e.Data).ItemId).ToList();
        // SCHED-LAB: the labs before CAM-1 were due two days earlier and were not closed by a dose either.
        Assert.Equal(["LAB-CAM-1", "CAM-1"], overdue);
    }

    private DeadlineSweep Sweeper(TimeProvider clock) => new(
        service.Store, new HospitalClock(clock, service.Factory.Services.GetRequiredService<IOptions<HospitalTimeZones>>()),
        service.Factory.Services.GetRequiredService<ClinicalRuleSet>());

    private static FakeTimeProvider ClockAt(DateOnly day) => new(At(day));

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);

    /// <summary>As Intake enrols, in a hospital when given: the event on a new stream, then its message with the relay's headers.</summary>
    private async Task<(Guid Id, DateOnly StartOn)> Enrol(DateOnly enrolledOn, string? hospital = null)
    {
        var id = Guid.NewGuid();
        var enrolled = new PatientEnrolled(id, ["ELIG-2"], 70m, enrolledOn, "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);
        Guid eventId;
        await using (var session = Session(hospital))
        {
            eventId = session.Events.Append(id, enrolled).Events[^1].Id;
            await session.SaveChangesAsync();
        }

        await service.Factory.Services.GetRequiredService<IBus>().Publish(enrolled, c =>
        {
            c.MessageId = eventId;
            if (hospital is not null)
            {
                c.Headers.Set(RelayHeaders.Hospital, hospital);
            }
        });
        var planned = await Eventually.Get(async () => (await Events(id, hospital)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault(),
            what: "the regimen to be planned");
        return (id, planned.StartOn);
    }

    private async Task<DateOnly> DueOn(Guid id, string itemId) =>
        (await service.Stream(id)).Select(e => e.Data).OfType<TherapyItemPlanned>().First(p => p.ItemId == itemId).DueOn;

    private async Task<IReadOnlyList<IEvent>> OverdueEvents(Guid id, string? hospital = null) =>
        (await Events(id, hospital)).Where(e => e.Data is TherapyItemOverdue).ToList();

    private async Task<IReadOnlyList<IEvent>> DueEvents(Guid id) =>
        (await Events(id, null)).Where(e => e.Data is SurveillanceFellDue).ToList();

    private async Task<IReadOnlyList<IEvent>> Events(Guid id, string? hospital)
    {
        await using var session = Session(hospital);
        return await session.Events.FetchStreamAsync(id);
    }

    private IDocumentSession Session(string? hospital) =>
        hospital is null ? service.Store.LightweightSession() : service.Store.LightweightSession(hospital);
}
