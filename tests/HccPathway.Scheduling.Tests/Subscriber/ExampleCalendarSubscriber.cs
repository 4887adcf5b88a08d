using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Scheduling.Tests.Subscriber;

/// <summary>
/// An example of an external scheduling system: it binds its own durable queue to the scheduling event exchanges with
/// the plain RabbitMQ client (no MassTransit, no HccPathway assemblies) and keeps each patient's calendar from the
/// events alone. Delivery is at least once and may repeat or reorder, so it
/// <list type="bullet">
/// <item>ignores a message id it has seen (a duplicate or a redelivery),</item>
/// <item>files each event under its pathway and stream version (headers <c>hcc-pathway-id</c>, <c>hcc-stream-version</c>),</item>
/// <item>and builds the calendar by folding the events in stream-version order, so arrival order does not matter.</item>
/// </list>
/// Acknowledges only after filing the event: a crash before the ack means a redelivery, which the first rule absorbs.
/// </summary>
public sealed class ExampleCalendarSubscriber : IAsyncDisposable
{
    /// <summary>The exchanges (one per message type, fanout) this subscriber binds; see docs/events/scheduling.md.</summary>
    public static readonly IReadOnlyList<string> Exchanges =
    [
        "HccPathway.Contracts.Scheduling:TherapyItemPlanned",
        "HccPathway.Contracts.Scheduling:TherapyItemRescheduled",
        "HccPathway.Contracts.Scheduling:TherapyItemCancelled",
        "HccPathway.Contracts.Scheduling:TherapyItemSkipped",
        "HccPathway.Contracts.Scheduling:TherapyItemMissed",
        "HccPathway.Contracts.Scheduling:TherapyItemOverdue",
        "HccPathway.Contracts.Scheduling:LenvatinibStarted",
        "HccPathway.Contracts.Scheduling:LenvatinibStopped",
        "HccPathway.Contracts.Scheduling:TacePerformed",
        "HccPathway.Contracts.Scheduling:CamrelizumabAdministered",
        "HccPathway.Contracts.Scheduling:TreatmentHeld",
        "HccPathway.Contracts.Scheduling:TreatmentResumed",
        "HccPathway.Contracts.Scheduling:TherapyItemRedosed",
        "HccPathway.Contracts.Scheduling:TreatmentHoldReleased",
    ];

    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly ConcurrentDictionary<Guid, byte> seen = new();
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<long, Delivery>> pathways = new();
    private readonly ConcurrentQueue<byte[]> bodies = new();
    private readonly int requeueEveryNth;
    private int deliveries;
    private int duplicates;

    private ExampleCalendarSubscriber(IConnection connection, IChannel channel, string queue, int requeueEveryNth)
    {
        this.connection = connection;
        this.channel = channel;
        this.requeueEveryNth = requeueEveryNth;
        Queue = queue;
    }

    /// <summary>One event as filed: its stored name and its body.</summary>
    public sealed record Delivery(Guid MessageId, Guid PathwayId, long Version, string EventName, JsonElement Message);

    public string Queue { get; }

    /// <summary>Deliveries ignored because their message id had been seen.</summary>
    public int Duplicates => duplicates;

    /// <summary>Raw bodies as received (a test replays some to prove duplicates change nothing).</summary>
    public IReadOnlyCollection<byte[]> Bodies => bodies.ToArray();

    /// <param name="requeueEveryNth">For demonstrations: refuse every n-th first delivery so the broker redelivers it (0 = never).</param>
    public static async Task<ExampleCalendarSubscriber> Start(Uri amqp, string queue, int requeueEveryNth = 0)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.BasicQosAsync(0, 50, false);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var exchange in Exchanges)
        {
            // Declared exactly as the publisher declares them, so whichever side starts first is fine.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }

        var subscriber = new ExampleCalendarSubscriber(connection, channel, queue, requeueEveryNth);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += subscriber.OnDelivery;
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return subscriber;
    }

    private async Task OnDelivery(object sender, BasicDeliverEventArgs delivery)
    {
        if (requeueEveryNth > 0 && !delivery.Redelivered && Interlocked.Increment(ref deliveries) % requeueEveryNth == 0)
        {
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
            return;
        }

        var body = delivery.Body.ToArray();
        bodies.Enqueue(body);
        if (Parse(body) is { } parsed)
        {
            File(parsed);
        }

        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }

    private void File(Delivery e)
    {
        if (!seen.TryAdd(e.MessageId, 0))
        {
            Interlocked.Increment(ref duplicates);
            return;
        }

        pathways.GetOrAdd(e.PathwayId, _ => new()).TryAdd(e.Version, e);
    }

    /// <summary>
    /// Catches up from the service's event feed (<c>GET /events</c>) after the queue was lost or the subscriber joined
    /// late: call it after <see cref="Start"/> has bound the new queue, so what the feed does not have yet arrives on the
    /// queue. Entries are filed exactly as deliveries are: a message id already seen is a duplicate. Returns the feed
    /// cursor to keep for the next catch-up.
    /// </summary>
    public async Task<long> CatchUp(HttpClient feed, long after = 0)
    {
        while (true)
        {
            using var page = JsonDocument.Parse(await feed.GetStringAsync($"/events?after={after}&limit=500"));
            foreach (var e in page.RootElement.GetProperty("events").EnumerateArray())
            {
                File(new Delivery(
                    e.GetProperty("messageId").GetGuid(),
                    e.GetProperty("pathwayId").GetGuid(),
                    e.GetProperty("streamVersion").GetInt64(),
                    e.GetProperty("eventName").GetString()!,
                    e.GetProperty("message").Clone()));
            }

            after = page.RootElement.GetProperty("lastSequence").GetInt64();
            if (page.RootElement.GetProperty("caughtUp").GetBoolean())
            {
                return after;
            }
        }
    }

    /// <summary>Sends a copy of a message to this subscriber's queue, as a broker redelivery or a publisher retry would.</summary>
    public async Task Replay(byte[] body) => await channel.BasicPublishAsync("", Queue, body);

    public long LastVersion(Guid pathwayId) => pathways.TryGetValue(pathwayId, out var events) && !events.IsEmpty ? events.Keys.Max() : 0;

    public IReadOnlyList<Delivery> Events(Guid pathwayId) =>
        pathways.TryGetValue(pathwayId, out var events) ? events.Values.OrderBy(e => e.Version).ToArray() : [];

    public SubscriberCalendar Calendar(Guid pathwayId) => SubscriberCalendar.FromDeliveries(Events(pathwayId));

    /// <summary>Reads the MassTransit JSON envelope: message id, relay headers and the event body.</summary>
    public static Delivery? Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (!root.TryGetProperty("messageId", out var id) || !root.TryGetProperty("headers", out var headers)
            || !headers.TryGetProperty("hcc-pathway-id", out var pathway) || !headers.TryGetProperty("hcc-stream-version", out var version))
        {
            return null;
        }

        return new Delivery(
            Guid.Parse(id.GetString()!),
            Guid.Parse(pathway.GetString()!),
            version.ValueKind == JsonValueKind.Number ? version.GetInt64() : long.Parse(version.GetString()!, CultureInfo.InvariantCulture),
            headers.GetProperty("hcc-event-name").GetString()!,
            root.GetProperty("message").Clone());
    }

    public async ValueTask DisposeAsync()
    {
        await channel.QueueDeleteAsync(Queue);
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}

/// <summary>The external system's own model: items with their dates and states, and which drugs are on hold.</summary>
public sealed record SubscriberCalendar(IReadOnlyDictionary<string, SubscriberItem> Items, IReadOnlySet<string> HeldDrugs)
{
    /// <summary>Deliveries in any order, possibly repeated: one per stream version, folded in version order.</summary>
    public static SubscriberCalendar FromDeliveries(IEnumerable<ExampleCalendarSubscriber.Delivery> anyOrder) =>
        Fold(anyOrder.DistinctBy(e => e.Version).OrderBy(e => e.Version));

    private static SubscriberCalendar Fold(IEnumerable<ExampleCalendarSubscriber.Delivery> inVersionOrder)
    {
        var items = new Dictionary<string, SubscriberItem>();
        var holds = new Dictionary<Guid, string>();
        foreach (var e in inVersionOrder)
        {
            var m = e.Message;
            switch (e.EventName)
            {
                case "scheduling.therapy-item-planned.v1":
                    items[Str(m, "itemId")] = new SubscriberItem(Str(m, "itemId"), Str(m, "itemType"), Str(m, "drug"), Date(m, "dueOn"), "planned", null)
                    {
                        DoseMg = Dec(m.GetProperty("doseMg")),
                    };
                    break;
                case "scheduling.therapy-item-redosed.v1":
                    // SCHED-LEN: a corrected weight changed the dose; the booking keeps its date.
                    items[Str(m, "itemId")] = items[Str(m, "itemId")] with { DoseMg = Dec(m.GetProperty("doseMg")) };
                    break;
                case "scheduling.therapy-item-rescheduled.v1":
                    // A moved item has a new due window: it is no longer overdue (SCHED-DUE).
                    items[Str(m, "itemId")] = items[Str(m, "itemId")] with { DueOn = Date(m, "dueOn"), OverdueOn = null };
                    break;
                case "scheduling.therapy-item-cancelled.v1":
                    items[Str(m, "itemId")] = items[Str(m, "itemId")] with { State = "cancelled" };
                    break;
                case "scheduling.therapy-item-skipped.v1":
                    items[Str(m, "itemId")] = items[Str(m, "itemId")] with { State = "skipped" };
                    break;
                case "scheduling.therapy-item-overdue.v1":
                    items[Str(m, "itemId")] = items[Str(m, "itemId")] with { OverdueOn = Date(m, "overdueOn") };
                    break;
                case "scheduling.lenvatinib-started.v1":
                    Done(items, Str(m, "itemId"), Date(m, "startedOn"));
                    break;
                case "scheduling.lenvatinib-stopped.v1" when m.GetProperty("stopItemId").ValueKind == JsonValueKind.String:
                    Done(items, Str(m, "stopItemId"), Date(m, "lastDoseOn"));
                    break;
                case "scheduling.tace-performed.v1":
                    Done(items, Str(m, "itemId"), Date(m, "performedOn"));
                    CloseLabs(items, Str(m, "itemId"), Date(m, "performedOn"));
                    break;
                case "scheduling.camrelizumab-administered.v1":
                    Done(items, Str(m, "itemId"), Date(m, "administeredOn"));
                    CloseLabs(items, Str(m, "itemId"), Date(m, "administeredOn"));
                    break;
                case "scheduling.treatment-held.v1":
                    holds[m.GetProperty("holdId").GetGuid()] = Str(m, "drug");
                    break;
                case "scheduling.treatment-hold-released.v1":
                    // The adverse event behind it was corrected away or entered in error: the hold is void.
                    holds.Remove(m.GetProperty("holdId").GetGuid());
                    break;
                case "scheduling.treatment-resumed.v1":
                    foreach (var holdId in m.GetProperty("holdIds").EnumerateArray())
                    {
                        holds.Remove(holdId.GetGuid());
                    }

                    break;
            }
        }

        return new SubscriberCalendar(items, holds.Values.ToHashSet());
    }

    private static void Done(Dictionary<string, SubscriberItem> items, string itemId, DateOnly on) =>
        items[itemId] = items[itemId] with { State = "done", ActualOn = on };

    /// <summary>A decimal as the wire carries it (a number, or a string), or null.</summary>
    public static decimal? Dec(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDecimal(),
        JsonValueKind.String => decimal.Parse(value.GetString()!, CultureInfo.InvariantCulture),
        _ => null,
    };

    // SCHED-LAB (docs/events/scheduling.md, Items): a dose given closes its outstanding labs item LAB-<dose>.
    private static void CloseLabs(Dictionary<string, SubscriberItem> items, string doseItemId, DateOnly on)
    {
        if (items.TryGetValue("LAB-" + doseItemId, out var labs) && labs.State == "planned")
        {
            items[labs.ItemId] = labs with { State = "done", ActualOn = on };
        }
    }

    private static string Str(JsonElement m, string property) => m.GetProperty(property).GetString()!;

    private static DateOnly Date(JsonElement m, string property) => DateOnly.Parse(Str(m, property), CultureInfo.InvariantCulture);
}

public sealed record SubscriberItem(string ItemId, string ItemType, string Drug, DateOnly DueOn, string State, DateOnly? ActualOn, DateOnly? OverdueOn = null)
{
    /// <summary>The dose to give, as planned or re-dosed (SCHED-LEN); null for an item that gives no drug by dose.</summary>
    public decimal? DoseMg { get; init; }
}
