using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using HccPathway.Contracts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Faults.Tests.Harness;

/// <summary>
/// An outside subscriber that must not miss anything: a durable queue bound to every event type's exchange, read with
/// manual acknowledgements over a connection that recovers after a broker restart. It counts every delivery and every
/// distinct message id (the event id), so redeliveries show as duplicates, never as extra events.
/// </summary>
public sealed class WireLedger : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private const string EnrolmentExchange = "HccPathway.Contracts.Intake:PatientEnrolled";
    private readonly ConcurrentDictionary<Guid, int> deliveries = new();
    private readonly ConcurrentQueue<byte[]> enrolments = new();
    private long total;

    private WireLedger(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public long Deliveries => Interlocked.Read(ref total);

    public int Distinct => deliveries.Count;

    /// <summary>Deliveries beyond the first of the same event: what at-least-once delivery produced and the ledger absorbed.</summary>
    public long Duplicates => Deliveries - Distinct;

    public bool Saw(Guid eventId) => deliveries.ContainsKey(eventId);

    public static async Task<WireLedger> Subscribe(Uri amqp, string queue)
    {
        var factory = new ConnectionFactory
        {
            Uri = amqp,
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromMilliseconds(500),
        };
        var connection = await factory.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        foreach (var contract in EventCatalog.All)
        {
            // The exchange MassTransit publishes this type to, declared as MassTransit declares it.
            var exchange = $"{contract.Type.Namespace}:{contract.Type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue, exchange, "");
        }

        await channel.BasicQosAsync(0, 200, false);
        var ledger = new WireLedger(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            ledger.Record(delivery.Body.Span, delivery.Exchange);
            await channel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer);
        return ledger;
    }

    /// <summary>
    /// Publishes again, byte for byte, up to <paramref name="count"/> enrolments already delivered: the duplicates a
    /// publisher retry or a broker redelivery produces. Every consumer must absorb them. Returns how many were sent.
    /// </summary>
    public async Task<int> Republish(int count)
    {
        var sample = enrolments.ToArray().OrderBy(_ => Random.Shared.Next()).Take(count).ToArray();
        await using var publisher = await connection.CreateChannelAsync();
        foreach (var body in sample)
        {
            var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", Persistent = true };
            await publisher.BasicPublishAsync(EnrolmentExchange, "", false, properties, body);
        }

        return sample.Length;
    }

    private void Record(ReadOnlySpan<byte> body, string exchange)
    {
        Interlocked.Increment(ref total);
        if (exchange == EnrolmentExchange && enrolments.Count < 10_000)
        {
            enrolments.Enqueue(body.ToArray());
        }

        using var document = JsonDocument.Parse(body.ToArray());
        if (document.RootElement.TryGetProperty("messageId", out var id) && Guid.TryParse(id.GetString(), out var messageId))
        {
            deliveries.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        }
        else
        {
            deliveries.TryAdd(Guid.NewGuid(), 1);
            Console.Error.WriteLine("A message without a message id: " + Encoding.UTF8.GetString(body));
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await channel.CloseAsync();
            await connection.CloseAsync();
        }
        catch (Exception ex) when (ex is RabbitMQ.Client.Exceptions.AlreadyClosedException or IOException or OperationCanceledException)
        {
            // The broker may already be gone at the end of a fault test.
        }

        channel.Dispose();
        connection.Dispose();
    }
}
