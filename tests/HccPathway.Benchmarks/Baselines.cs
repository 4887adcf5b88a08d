using System.Diagnostics;
using Npgsql;
using RabbitMQ.Client;

namespace HccPathway.Benchmarks;

/// <summary>What the machine can do without HccPathway in the way.</summary>
public static class Baselines
{
    public const string PostgresInserts = "baseline: PostgreSQL single-row INSERT";
    public const string RabbitMqPublishes = "baseline: RabbitMQ publish with confirms";

    /// <summary>One connection, one autocommitted INSERT at a time: the shape of one HTTP write.</summary>
    public static async Task<Measurement> PostgresSingleRowInserts(string connectionString, int count)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var table = $"bench_{Guid.NewGuid():N}"[..20];
        await new NpgsqlCommand($"create table {table}(id uuid primary key, body jsonb not null)", connection).ExecuteNonQueryAsync();
        try
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                await using var insert = new NpgsqlCommand($"insert into {table} values (@id, '{{\"n\":1}}'::jsonb)", connection);
                insert.Parameters.AddWithValue("id", Guid.NewGuid());
                await insert.ExecuteNonQueryAsync();
            }

            return new Measurement(PostgresInserts, count / watch.Elapsed.TotalSeconds, "rows/s");
        }
        finally
        {
            await new NpgsqlCommand($"drop table {table}", connection).ExecuteNonQueryAsync();
        }
    }

    /// <summary>Persistent messages to a fanout exchange with publisher confirms, up to 100 awaiting confirmation.</summary>
    public static async Task<Measurement> RabbitMqConfirmedPublishes(Uri amqp, int count)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var exchange = $"bench-{Guid.NewGuid():N}";
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
        var queue = await channel.QueueDeclareAsync($"{exchange}-q", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue.QueueName, exchange, "");
        var body = new byte[600];
        var properties = new BasicProperties { Persistent = true };
        try
        {
            var watch = Stopwatch.StartNew();
            var pending = new List<Task>(100);
            for (var i = 0; i < count; i++)
            {
                pending.Add(channel.BasicPublishAsync(exchange, "", false, properties, body).AsTask());
                if (pending.Count == 100)
                {
                    await Task.WhenAll(pending);
                    pending.Clear();
                }
            }

            await Task.WhenAll(pending);
            return new Measurement(RabbitMqPublishes, count / watch.Elapsed.TotalSeconds, "msg/s");
        }
        finally
        {
            await channel.QueueDeleteAsync(queue.QueueName);
            await channel.ExchangeDeleteAsync(exchange);
        }
    }
}
