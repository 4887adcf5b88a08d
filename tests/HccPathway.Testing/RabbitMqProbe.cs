using System.Collections.Concurrent;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Testing;

/// <summary>One message as an outside subscriber (a scheduling system) sees it on the wire.</summary>
public sealed record ReceivedMessage(Guid? MessageId, IReadOnlyList<string> MessageTypes, JsonElement Message, JsonElement Headers)
{
    public string? Header(string name) =>
        Headers.ValueKind == JsonValueKind.Object && Headers.TryGetProperty(name, out var value) ? value.ToString() : null;

    public bool Is<T>() => MessageTypes.Contains($"urn:message:{typeof(T).Namespace}:{typeof(T).Name}");
}

/// <summary>
/// Subscribes like an external system would: its own exclusive queue bound to the published message types'
/// exchanges, read with the plain RabbitMQ client, not MassTransit, so tests see the real wire contract.
/// </summary>
public sealed class RabbitMqProbe : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly ConcurrentQueue<ReceivedMessage> received = new();

    private RabbitMqProbe(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    /// <summary>The probe's connection name, so a test that closes the services' connections can leave the probe's alone.</summary>
    public const string ConnectionName = "hcc-test-probe";

    public IReadOnlyCollection<ReceivedMessage> Received => received.ToArray();

    public static async Task<RabbitMqProbe> Subscribe(Uri amqp, params Type[] messageTypes)
    {
        var connection = await new ConnectionFactory { Uri = amqp, ClientProvidedName = ConnectionName }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(exclusive: true, autoDelete: true);
        foreach (var type in messageTypes)
        {
            // The exchange MassTransit publishes to for this message type, declared the way it declares it.
            var exchange = $"{type.Namespace}:{type.Name}";
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            await channel.QueueBindAsync(queue.QueueName, exchange, "");
        }

        var probe = new RabbitMqProbe(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            probe.received.Enqueue(Parse(delivery.Body.Span));
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return probe;
    }

    public Task<ReceivedMessage> WaitFor(Func<ReceivedMessage, bool> match, TimeSpan? timeout = null) =>
        Eventually.Get(() => Task.FromResult(received.FirstOrDefault(match)), timeout, "a message on RabbitMQ");

    public Task<ReceivedMessage> WaitFor<T>(Func<ReceivedMessage, bool>? match = null, TimeSpan? timeout = null) =>
        WaitFor(m => m.Is<T>() && (match?.Invoke(m) ?? true), timeout);

    private static ReceivedMessage Parse(ReadOnlySpan<byte> body)
    {
        using var document = JsonDocument.Parse(body.ToArray());
        var root = document.RootElement.Clone();
        Guid? messageId = root.TryGetProperty("messageId", out var id) && Guid.TryParse(id.GetString(), out var parsed) ? parsed : null;
        var types = root.TryGetProperty("messageType", out var t) ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray() : [];
        var headers = root.TryGetProperty("headers", out var h) ? h : default;
        return new ReceivedMessage(messageId, types, root.GetProperty("message"), headers);
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
