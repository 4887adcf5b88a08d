using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Benchmarks;

/// <summary>An outside subscriber that notes when each message id arrived (Stopwatch ticks).</summary>
public sealed class WireListener : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;

    private WireListener(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public ConcurrentDictionary<Guid, long> Arrivals { get; } = new();

    public static async Task<WireListener> Bind(Uri amqp, string exchange)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync(exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var listener = new WireListener(connection, channel);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var now = Stopwatch.GetTimestamp();
            using var envelope = JsonDocument.Parse(delivery.Body);
            listener.Arrivals.TryAdd(envelope.RootElement.GetProperty("messageId").GetGuid(), now);
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return listener;
    }

    public async Task WaitForCount(int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (Arrivals.Count < count)
        {
            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Only {Arrivals.Count} of {count} messages arrived.");
            }

            await Task.Delay(2);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
    }
}
