using System.Net;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.Tests.Subscriber;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using static HccPathway.Scheduling.Tests.Deciders.UpstreamBaselines;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>Scheduling reacting to corrections made upstream: Intake's baseline weight (SCHED-LEN) and Assessment's adverse events (SCHED-HOLD).</summary>
[Collection(SchedulingCollection.Name)]
public sealed class CorrectionReactionTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public async Task SCHED_LEN_a_corrected_weight_redoses_the_outstanding_start_once_and_a_scheduling_system_receives_it()
    {
        await using var subscriber = await ExampleCalendarSubscriber.Start(service.Infrastructure.RabbitMq, $"example-calendar-{Guid.NewGuid():N}");
        var id = await EnrolledAt(72m);
        Assert.Equal(12m, DoseOfStart(await coordinator.Calendar(id)));

        var correction = WeightCorrected(id, 72m, 52m);
        var correctionEventId = await service.AppendUpstream(id, correction);
        await service.Publish(correction, correctionEventId);

        var redosed = (TherapyItemRedosed)(await Eventually.Get(async () => (await service.Stream(id)).FirstOrDefault(e => e.Data is TherapyItemRedosed)))!.Data;
        Assert.Equal((8m, 12m, correction.CorrectionId), (redosed.DoseMg, redosed.PreviousDoseMg, redosed.CausedBy));
        Assert.Equal(8m, DoseOfStart(await coordinator.Calendar(id)));
        await service.Subscriber.WaitFor<TherapyItemRedosed>(m => m.Message.GetProperty("pathwayId").GetGuid() == id);
        await Eventually.True(() => Task.FromResult(subscriber.Calendar(id).Items.GetValueOrDefault("LEN-1")?.DoseMg == 8m), what: "the subscriber to re-dose");

        // Delivered again, under the same id and under another one: nothing more.
        await service.Publish(correction, correctionEventId);
        var other = Guid.NewGuid();
        await service.Publish(correction, other);
        await Eventually.True(() => service.Processed("scheduling-redose-lenvatinib", other));
        Assert.Single(await service.Stream(id), e => e.Data is TherapyItemRedosed);
    }

    [Fact]
    public async Task SCHED_HOLD_an_adverse_event_entered_in_error_releases_its_hold()
    {
        var (id, ae) = await HeldByGrade3Hypertension();

        var marked = new AdverseEventEnteredInError(id, ae.AdverseEventId, Guid.NewGuid(), "Reported on the wrong patient", "dr-onc", DateTimeOffset.UtcNow);
        await service.Publish(marked, Guid.NewGuid());

        var released = (TreatmentHoldReleased)(await Eventually.Get(async () => (await service.Stream(id)).FirstOrDefault(e => e.Data is TreatmentHoldReleased)))!.Data;
        Assert.Equal((marked.CorrectionId, "entered-in-error"), (released.CausedBy, released.Reason));
        Assert.Empty((await coordinator.Calendar(id)).GetProperty("holds").EnumerateArray());
        await service.Subscriber.WaitFor<TreatmentHoldReleased>(m => m.Message.GetProperty("pathwayId").GetGuid() == id);

        var again = Guid.NewGuid();
        await service.Publish(marked, again);
        await Eventually.True(() => service.Processed("scheduling-ae-entered-in-error", again));
        Assert.Single(await service.Stream(id), e => e.Data is TreatmentHoldReleased);
    }

    [Fact]
    public async Task SCHED_HOLD_a_grade_corrected_below_3_releases_the_hold_and_corrected_back_to_3_holds_again()
    {
        var (id, ae) = await HeldByGrade3Hypertension();

        await service.Publish(Corrected(ae, grade: 2, DateTimeOffset.UtcNow), Guid.NewGuid());
        await Eventually.True(async () => (await service.Stream(id)).Any(e => e.Data is TreatmentHoldReleased { Reason: "corrected" }));
        Assert.Empty((await coordinator.Calendar(id)).GetProperty("holds").EnumerateArray());

        await service.Publish(Corrected(ae, grade: 3, DateTimeOffset.UtcNow.AddMinutes(1)), Guid.NewGuid());
        await Eventually.True(async () => (await service.Stream(id)).Count(e => e.Data is TreatmentHeld) == 2);
        var hold = Assert.Single((await coordinator.Calendar(id)).GetProperty("holds").EnumerateArray());
        Assert.Equal(Drugs.Lenvatinib, hold.Str("drug"));
    }

    private static AdverseEventCorrected Corrected(AdverseEventReported ae, int grade, DateTimeOffset at) => new(
        ae.PathwayId, ae.AdverseEventId, Guid.NewGuid(), ae.CtcaeTerm, grade, ae.OnsetOn, true, [Drugs.Lenvatinib], grade, "Graded from the wrong reading", "dr-onc", at);

    private async Task<(Guid Id, AdverseEventReported Ae)> HeldByGrade3Hypertension()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-40));
        var start = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<RegimenPlanned>().FirstOrDefault());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = start.StartOn })).StatusCode);
        var ae = new AdverseEventReported(id, Guid.NewGuid(), "Hypertension", 3, start.StartOn.AddDays(5), true, [Drugs.Lenvatinib], DateTimeOffset.UtcNow);
        await service.Publish(ae, Guid.NewGuid());
        await Eventually.True(async () => (await service.Stream(id)).Any(e => e.Data is TreatmentHeld));
        return (id, ae);
    }

    /// <summary>Intake's stream as it is at enrolment: the baseline, then the enrolment with its weight; Scheduling plans from it.</summary>
    private async Task<Guid> EnrolledAt(decimal weightKg)
    {
        var id = Guid.NewGuid();
        await service.AppendUpstream(id, Assessed(id, weightKg));
        var enrolled = new PatientEnrolled(id, ["ELIG-2"], weightKg, Today, "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);
        await service.Publish(enrolled, await service.AppendUpstream(id, enrolled));
        await Eventually.True(async () => (await service.Stream(id)).Any(e => e.Data is RegimenPlanned));
        return id;
    }

    private static decimal? DoseOfStart(JsonElement calendar) => SubscriberCalendar.Dec(calendar.Item("LEN-1").GetProperty("doseMg"));
}
