using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>
/// Reads RabbitMQ's firehose (<c>amq.rabbitmq.trace</c>, switched on for the private broker's virtual host): a copy of
/// every message published to any exchange and delivered to any queue, with its body and all its headers.
/// </summary>
public sealed class FirehoseCapture : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;

    private FirehoseCapture(IConnection connection, IChannel channel)
    {
        this.connection = connection;
        this.channel = channel;
    }

    public static async Task<FirehoseCapture> Start(Uri amqp, CapturedText captured)
    {
        var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = await channel.QueueDeclareAsync(exclusive: true, autoDelete: true);
        await channel.QueueBindAsync(queue.QueueName, "amq.rabbitmq.trace", "#");
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            var headers = delivery.BasicProperties.Headers?.Select(h => $"{h.Key}={Render(h.Value)}") ?? [];
            captured.Add("rabbitmq", $"{delivery.RoutingKey} | {string.Join(" | ", headers)} | {Encoding.UTF8.GetString(delivery.Body.Span)}");
            return Task.CompletedTask;
        };
        await channel.BasicConsumeAsync(queue.QueueName, autoAck: true, consumer);
        return new FirehoseCapture(connection, channel);
    }

    // Header values arrive as bytes, lists and nested tables; render them all as text.
    private static string Render(object? value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        IDictionary<string, object?> table => "{" + string.Join(", ", table.Select(t => $"{t.Key}={Render(t.Value)}")) + "}",
        System.Collections.IEnumerable list and not string => "[" + string.Join(", ", list.Cast<object?>().Select(Render)) + "]",
        _ => value?.ToString() ?? "",
    };

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }
}
