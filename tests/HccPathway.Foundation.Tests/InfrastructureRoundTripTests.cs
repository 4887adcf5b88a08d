using HccPathway.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.Foundation.Tests;

public sealed class InfrastructureRoundTripTests
{
    [Fact]
    public async Task PostgreSQL_stores_and_returns_a_row()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schema = $"rt_{Guid.NewGuid():N}"[..20];
        var written = Guid.NewGuid();

        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            $"create schema {schema}; create table {schema}.probe(id uuid primary key); insert into {schema}.probe values (@id);", connection))
        {
            create.Parameters.AddWithValue("id", written);
            await create.ExecuteNonQueryAsync();
        }

        await using var read = new NpgsqlCommand($"select id from {schema}.probe", connection);
        var readBack = (Guid?)await read.ExecuteScalarAsync();
        await new NpgsqlCommand($"drop schema {schema} cascade", connection).ExecuteNonQueryAsync();

        Assert.Equal(written, readBack);
    }

    [Fact]
    public async Task RabbitMQ_delivers_a_published_message_to_a_MassTransit_consumer()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var received = new TaskCompletionSource<Ping>(TaskCreationOptions.RunContinuationsAsynchronously);

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(received);
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);
        builder.Services.AddMassTransit(x =>
        {
            x.AddConsumer<PingConsumer>().Endpoint(e => e.Name = $"foundation-ping-{Guid.NewGuid():N}");
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(infrastructure.RabbitMq);
                cfg.ConfigureEndpoints(context);
            });
        });
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var sent = new Ping(Guid.NewGuid());
            await host.Services.GetRequiredService<IBus>().Publish(sent);
            var got = await received.Task.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(sent, got);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public sealed record Ping(Guid Id);

    public sealed class PingConsumer(TaskCompletionSource<Ping> received) : IConsumer<Ping>
    {
        public Task Consume(ConsumeContext<Ping> context)
        {
            received.TrySetResult(context.Message);
            return Task.CompletedTask;
        }
    }
}
