using System.Net;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Scheduling.Tests.Api;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Subscriber;

[Collection(SchedulingCollection.Name)]
public sealed class ExampleSubscriberTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public void The_example_binds_every_calendar_event_the_catalog_publishes()
    {
        var calendarEvents = EventCatalog.OwnedBy(Owners.Scheduling)
            .Where(e => e.Type.Name.StartsWith("TherapyItem", StringComparison.Ordinal) || e.Type.Name.StartsWith("Treatment", StringComparison.Ordinal)
                || e.Type.Name is "LenvatinibStarted" or "LenvatinibStopped" or "TacePerformed" or "CamrelizumabAdministered")
            .Where(e => e.Type.Name is not "TherapyItemDelayed" and not "TreatmentResumable")
            .Select(e => $"{e.Type.Namespace}:{e.Type.Name}");

        Assert.Equal(calendarEvents.Order(), ExampleCalendarSubscriber.Exchanges.Order());
    }

    [Fact]
    public async Task The_example_subscriber_rebuilds_the_services_calendar_from_the_events_alone_despite_redeliveries_and_duplicates()
    {
        await using var subscriber = await ExampleCalendarSubscriber.Start(service.Infrastructure.RabbitMq, $"example-calendar-{Guid.NewGuid():N}", requeueEveryNth: 3);
        var (id, _, _) = await service.Enrol(Today.AddDays(-40));
        var start = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<Contracts.Scheduling.RegimenPlanned>().FirstOrDefault());

        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = start.StartOn })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "items/TACE-1/delay", new { dueOn = start.StartOn.AddDays(17), reason = "Suite unavailable" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "tace", new { performedOn = start.StartOn.AddDays(19) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "camrelizumab", new { administeredOn = start.StartOn.AddDays(33) })).StatusCode);
        var ae = new AdverseEventReported(id, Guid.NewGuid(), "Hypertension", 3, start.StartOn.AddDays(35), true, [Drugs.Lenvatinib], DateTimeOffset.UtcNow);
        await service.Publish(ae, Guid.NewGuid());

        var streamVersion = await Eventually.Get(async () => (await service.Stream(id)).LastOrDefault(e => e.Data is Contracts.Scheduling.TreatmentHeld)?.Version);
        await Eventually.True(() => Task.FromResult(subscriber.LastVersion(id) == streamVersion), what: "the subscriber to see the hold");

        // Replay everything it received for this pathway: duplicates on the wire, arriving out of order.
        var mine = subscriber.Bodies.Where(b => ExampleCalendarSubscriber.Parse(b)?.PathwayId == id).Reverse().ToList();
        var before = subscriber.Duplicates;
        foreach (var body in mine)
        {
            await subscriber.Replay(body);
        }

        await Eventually.True(() => Task.FromResult(subscriber.Duplicates >= before + mine.Count), what: "the replayed duplicates");
        var expected = await ServiceCalendar(id);
        var rebuilt = subscriber.Calendar(id);
        Assert.Equal(expected.Items.OrderBy(i => i.Key), rebuilt.Items.OrderBy(i => i.Key));
        Assert.Equal(expected.HeldDrugs.Order(), rebuilt.HeldDrugs.Order());
        Assert.Equal([Drugs.Lenvatinib], rebuilt.HeldDrugs);
        Assert.Contains(rebuilt.Items.Values, i => i.ItemId == "CAM-2" && i.DueOn == start.StartOn.AddDays(54));

        // Arrival order does not matter: the same deliveries, reversed and each twice, give the same calendar.
        var reversedTwice = subscriber.Events(id).Reverse().SelectMany(e => new[] { e, e });
        Assert.Equal(rebuilt.Items.OrderBy(i => i.Key), SubscriberCalendar.FromDeliveries(reversedTwice).Items.OrderBy(i => i.Key));
    }

    private async Task<SubscriberCalendar> ServiceCalendar(Guid id)
    {
        var calendar = await coordinator.Calendar(id);
        var items = calendar.Items().ToDictionary(
            i => i.Str("itemId"),
            i => new SubscriberItem(
                i.Str("itemId"),
                i.Str("itemType"),
                i.Str("drug"),
                i.Date("dueOn"),
                i.Str("status") switch { "done" => "done", "cancelled" => "cancelled", "skipped" => "skipped", _ => "planned" },
                i.GetProperty("actualOn").ValueKind == JsonValueKind.String ? i.Date("actualOn") : null)
            {
                DoseMg = SubscriberCalendar.Dec(i.GetProperty("doseMg")),
            });
        var held = calendar.GetProperty("holds").EnumerateArray()
            .Where(h => h.GetProperty("resumedOn").ValueKind == JsonValueKind.Null)
            .Select(h => h.Str("drug"))
            .ToHashSet();
        return new SubscriberCalendar(items, held);
    }
}
