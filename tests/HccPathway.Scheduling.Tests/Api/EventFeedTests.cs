using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>The catch-up feed (GET /events): what a subscriber that lost its queue replays, as the bus carried it.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class EventFeedTests(SchedulingService service)
{
    private const string ItemPlanned = "scheduling.therapy-item-planned.v1";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);
    private readonly HttpClient scheduler = service.Factory.ClientAs(Roles.Scheduler, "scheduler-1");

    [Fact]
    public async Task A_subscriber_replaying_the_feed_in_small_pages_gets_each_planned_item_once_with_the_bus_message_id_and_body()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-1));
        var lastOnTheBus = await service.Subscriber.WaitFor<TherapyItemPlanned>(m =>
            m.Header(RelayHeaders.PathwayId) == id.ToString() && m.Message.GetProperty("itemId").GetString() == "CAM-1");

        var replayed = new List<JsonElement>();
        var after = 0L;
        var pages = 0;
        while (!replayed.Any(e => e.GetProperty("messageId").GetGuid() == lastOnTheBus.MessageId))
        {
            var page = await Eventually.Get(async () =>
            {
                var p = await scheduler.GetFromJsonAsync<JsonElement>($"/events?after={after}&limit=2&type={ItemPlanned}");
                return p.GetProperty("events").GetArrayLength() > 0 ? p : (JsonElement?)null;
            });
            var events = page!.Value.GetProperty("events").EnumerateArray().ToList();
            Assert.InRange(events.Count, 1, 2);
            Assert.All(events, e => Assert.Equal(ItemPlanned, e.GetProperty("eventName").GetString()));
            replayed.AddRange(events.Where(e => e.GetProperty("pathwayId").GetGuid() == id));
            after = page.Value.GetProperty("lastSequence").GetInt64();
            Assert.Equal(events[^1].GetProperty("sequence").GetInt64(), after);
            pages++;
        }

        Assert.True(pages >= 2, $"3 items in pages of at most 2 take at least 2 pages; took {pages}.");
        Assert.Equal(["LEN-1", "TACE-1", "CAM-1"], replayed.Take(3).Select(e => e.GetProperty("message").GetProperty("itemId").GetString()));
        var sequences = replayed.Select(e => e.GetProperty("sequence").GetInt64()).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(sequences.Count, sequences.Distinct().Count());

        var last = replayed.Single(e => e.GetProperty("messageId").GetGuid() == lastOnTheBus.MessageId);
        Assert.Equal(lastOnTheBus.MessageId, last.GetProperty("messageId").GetGuid());
        Assert.Equal(lastOnTheBus.Message.GetProperty("dueOn").GetString(), last.GetProperty("message").GetProperty("dueOn").GetString());
        Assert.Equal(lastOnTheBus.Header(RelayHeaders.GlobalSequence), last.GetProperty("sequence").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lastOnTheBus.Header(RelayHeaders.StreamVersion), last.GetProperty("streamVersion").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_scheduler_of_another_hospital_sees_none_of_the_pathways_events()
    {
        var (id, _, _) = await service.Enrol(Today.AddDays(-1));
        await service.Subscriber.WaitFor<TherapyItemPlanned>(m =>
            m.Header(RelayHeaders.PathwayId) == id.ToString() && m.Message.GetProperty("itemId").GetString() == "CAM-1");
        var elsewhere = service.Factory.ClientAs(Roles.Scheduler, "scheduler-2", hospital: "another-hospital");

        var page = await elsewhere.GetFromJsonAsync<JsonElement>($"/events?after=0&limit={1000}");

        Assert.DoesNotContain(page.GetProperty("events").EnumerateArray(), e => e.GetProperty("pathwayId").GetGuid() == id);
        Assert.True(page.GetProperty("caughtUp").GetBoolean());
    }

    [Theory]
    [InlineData("/events?limit=0", "limit")]
    [InlineData("/events?limit=1001", "limit")]
    [InlineData("/events?after=-1", "after")]
    [InlineData("/events?type=intake.patient-registered.v1", "type")]
    public async Task A_query_the_feed_cannot_answer_is_400_naming_the_parameter(string query, string parameter)
    {
        var response = await scheduler.GetAsync(query);

        var problem = await SchedulingClient.Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
