using System.Net;
using HccPathway.Scheduling.Tests.Api;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Subscriber;

[Collection(SchedulingCollection.Name)]
public sealed class CatchUpTests(SchedulingService service)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly SchedulingClient coordinator = new(service.Factory.ClientAs(Roles.Coordinator, "coordinator-1"));

    [Fact]
    public async Task A_subscriber_that_lost_its_queue_binds_a_new_one_replays_the_feed_and_keeps_the_same_calendar_as_the_service()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-40));
        var start = await Eventually.Get(async () => (await service.Stream(id)).Select(e => e.Data).OfType<Contracts.Scheduling.RegimenPlanned>().FirstOrDefault());
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "lenvatinib/start", new { startedOn = start.StartOn })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "tace", new { performedOn = start.StartOn.AddDays(19) })).StatusCode);

        // Everything above was published while this subscriber had no queue.
        await using var subscriber = await ExampleCalendarSubscriber.Start(service.Infrastructure.RabbitMq, $"example-catch-up-{Guid.NewGuid():N}");
        var versionSoFar = (await service.Stream(id)).Count;
        var cursor = (await Eventually.Get(async () =>
        {
            var after = await subscriber.CatchUp(service.Factory.ClientAs(Roles.Scheduler, "scheduler-1"));
            return subscriber.LastVersion(id) >= versionSoFar ? after : (long?)null;
        }, what: "the feed to hold every event appended so far"))!.Value;
        Assert.True(cursor > 0);
        Assert.Equal(await ServiceItems(id), Items(subscriber.Calendar(id)));

        // From here the new queue carries what happens next; a second catch-up from the cursor only repeats nothing new.
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Post(id, "camrelizumab", new { administeredOn = start.StartOn.AddDays(33) })).StatusCode);
        var latest = (await service.Stream(id))[^1].Version;
        await Eventually.True(() => Task.FromResult(subscriber.LastVersion(id) >= latest), what: "the bus to bring the dose");
        var duplicatesBefore = subscriber.Duplicates;
        await subscriber.CatchUp(service.Factory.ClientAs(Roles.Scheduler, "scheduler-1"), cursor);
        Assert.True(subscriber.Duplicates > duplicatesBefore, "the second catch-up meets the dose the bus already brought");
        Assert.Equal(await ServiceItems(id), Items(subscriber.Calendar(id)));
    }

    private static IEnumerable<(string, DateOnly, string, DateOnly?)> Items(SubscriberCalendar calendar) =>
        calendar.Items.Values.Select(i => (i.ItemId, i.DueOn, i.State, i.ActualOn)).Order();

    private async Task<IEnumerable<(string, DateOnly, string, DateOnly?)>> ServiceItems(Guid id) =>
        (await coordinator.Calendar(id)).Items()
            .Select(i => (
                i.Str("itemId"),
                i.Date("dueOn"),
                i.Str("status") switch { "done" => "done", "cancelled" => "cancelled", _ => "planned" },
                i.GetProperty("actualOn").ValueKind == System.Text.Json.JsonValueKind.String ? i.Date("actualOn") : (DateOnly?)null))
            .Order();
}
