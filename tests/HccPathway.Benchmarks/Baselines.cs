using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using HccPathway.Contracts;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace HccPathway.Benchmarks;

/// <summary>What the machine can do without HccPathway in the way, measured in the same run as the figures.</summary>
public static class Baselines
{
    private const int ConfirmWindow = 256;
    private static readonly byte[] Body = new byte[600];

    /// <summary>B1: four connections, each one autocommitted single-row INSERT at a time (the shape of one HTTP write).</summary>
    public static async Task<double> PostgresInserts(Settings settings)
    {
        const int clients = 4;
        var table = $"bench_b1_{Guid.NewGuid():N}"[..24];
        await Sql.Execute(settings.Postgres, $"create table {table}(id uuid primary key, body jsonb not null)");
        try
        {
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
            {
                await using var connection = new NpgsqlConnection(settings.Postgres);
                await connection.OpenAsync();
                await using var insert = new NpgsqlCommand($"insert into {table} values (@id, '{{\"n\":1}}'::jsonb)", connection);
                var id = insert.Parameters.Add("id", NpgsqlTypes.NpgsqlDbType.Uuid);
                for (var i = 0; i < settings.PostgresInsertsPerClient; i++)
                {
                    id.Value = Guid.NewGuid();
                    await insert.ExecuteNonQueryAsync();
                }
            }));
            return clients * settings.PostgresInsertsPerClient / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await Sql.Execute(settings.Postgres, $"drop table {table}");
        }
    }

    /// <summary>B2: persistent messages to a durable queue with publisher confirms (256 outstanding), then consumed with acks.</summary>
    public static async Task<(double Publish, double Consume)> RabbitMq(Uri amqp, int count)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var queue = (await channel.QueueDeclareAsync($"bench-b2-{Guid.NewGuid():N}", durable: true, exclusive: false, autoDelete: false)).QueueName;
        var properties = new BasicProperties { Persistent = true };

        var publishing = Stopwatch.StartNew();
        var window = new Queue<Task>(ConfirmWindow);
        for (var i = 0; i < count; i++)
        {
            if (window.Count == ConfirmWindow)
            {
                await window.Dequeue();
            }

            window.Enqueue(channel.BasicPublishAsync("", queue, false, properties, Body).AsTask());
        }

        await Task.WhenAll(window);
        var publish = count / publishing.Elapsed.TotalSeconds;

        await using var consumerChannel = await connection.CreateChannelAsync();
        await consumerChannel.BasicQosAsync(0, ConfirmWindow, false);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }
        };
        var consuming = Stopwatch.StartNew();
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        var consume = count / consuming.Elapsed.TotalSeconds;
        await channel.QueueDeleteAsync(queue);
        return (publish, consume);
    }

    /// <summary>B3: commit one row, publish it with a confirm, receive it on a consumer; one at a time. Returns milliseconds.</summary>
    public static async Task<IReadOnlyList<double>> RoundTrips(Settings settings, Uri amqp)
    {
        var table = $"bench_b3_{Guid.NewGuid():N}"[..24];
        await Sql.Execute(settings.Postgres, $"create table {table}(id uuid primary key, body jsonb not null)");
        await using var pg = new NpgsqlConnection(settings.Postgres);
        await pg.OpenAsync();
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await using var consumerChannel = await connection.CreateChannelAsync();
        var queue = (await consumerChannel.QueueDeclareAsync($"bench-b3-{Guid.NewGuid():N}", durable: true, exclusive: false, autoDelete: false)).QueueName;
        var arrivals = Channel.CreateUnbounded<long>();
        var consumer = new AsyncEventingBasicConsumer(consumerChannel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            arrivals.Writer.TryWrite(Stopwatch.GetTimestamp());
            await consumerChannel.BasicAckAsync(delivery.DeliveryTag, false);
        };
        await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);
        var properties = new BasicProperties { Persistent = true };
        var samples = new List<double>(settings.RoundTrips);
        try
        {
            await using var insert = new NpgsqlCommand($"insert into {table} values (@id, '{{\"n\":1}}'::jsonb)", pg);
            var id = insert.Parameters.Add("id", NpgsqlTypes.NpgsqlDbType.Uuid);
            for (var i = 0; i < settings.RoundTrips + 10; i++)
            {
                var started = Stopwatch.GetTimestamp();
                id.Value = Guid.NewGuid();
                await insert.ExecuteNonQueryAsync();
                await publisher.BasicPublishAsync("", queue, false, properties, Body);
                var arrived = await arrivals.Reader.ReadAsync();
                if (i >= 10)
                {
                    samples.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
                }
            }
        }
        finally
        {
            await consumerChannel.QueueDeleteAsync(queue);
            await Sql.Execute(settings.Postgres, $"drop table {table}");
        }

        return samples;
    }

    /// <summary>B4: the stream's rows straight from mt_events, each body deserialised to its contract type. Median ms.</summary>
    public static async Task<double> ReadStream(string postgres, string eventsSchema, Guid streamId, int reads)
    {
        var types = EventCatalog.All.ToDictionary(c => c.Name, c => c.Type);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        // The events table is keyed by (tenant, stream, version): a read of one stream names its hospital, as the
        // services' reads do, or it scans the whole index.
        var tenant = await Sql.Scalar<string>(postgres, $"select tenant_id from {eventsSchema}.mt_events where stream_id = @id limit 1", ("id", streamId));
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        var rows = 0;
        var median = await Stats.MedianMilliseconds(reads, async () =>
        {
            await using var select = new NpgsqlCommand(
                $"select type, data from {eventsSchema}.mt_events where tenant_id = @tenant and stream_id = @id order by version", connection);
            select.Parameters.AddWithValue("tenant", tenant);
            select.Parameters.AddWithValue("id", streamId);
            await using var reader = await select.ExecuteReaderAsync();
            rows = 0;
            while (await reader.ReadAsync())
            {
                _ = JsonSerializer.Deserialize(reader.GetString(1), types[reader.GetString(0)], json);
                rows++;
            }
        });
        return rows > 0 ? median : throw new InvalidOperationException($"Stream {streamId} has no events.");
    }
}
