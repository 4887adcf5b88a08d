using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace HccPathway.Foundation.Tests.Messaging;

public sealed class IdempotentConsumerTests
{
    [Fact]
    public async Task A_redelivered_message_has_no_second_effect()
    {
        var infrastructure = await Infrastructure.GetAsync();
        using var host = await ConsumerHost.Start(infrastructure);
        var bus = host.Services.GetRequiredService<IBus>();
        var duplicated = Guid.NewGuid();
        var last = Guid.NewGuid();

        await bus.Publish(new Ping(Guid.NewGuid()), c => c.MessageId = duplicated);
        await bus.Publish(new Ping(Guid.NewGuid()), c => c.MessageId = duplicated);
        await bus.Publish(new Ping(Guid.NewGuid()), c => c.MessageId = last);

        var store = host.Services.GetRequiredService<IDocumentStore>();
        await Eventually.True(() => HasEffect(store, last), what: "the last ping to be handled");
        await using var session = store.QuerySession();
        Assert.Equal(1, await session.Query<PingEffect>().CountAsync(e => e.MessageId == duplicated));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_poison_message_goes_to_the_error_queue_and_the_next_message_is_still_handled()
    {
        var infrastructure = await Infrastructure.GetAsync();
        using var host = await ConsumerHost.Start(infrastructure);
        var bus = host.Services.GetRequiredService<IBus>();
        var good = Guid.NewGuid();

        await bus.Publish(new Ping(Guid.NewGuid(), Poison: true));
        await bus.Publish(new Ping(Guid.NewGuid()), c => c.MessageId = good);

        var store = host.Services.GetRequiredService<IDocumentStore>();
        await Eventually.True(() => HasEffect(store, good), TimeSpan.FromSeconds(60), "the good ping after the poison one");
        await Eventually.True(async () => await ErrorQueueDepth(infrastructure.RabbitMq, $"{ConsumerHost.Service}-ping_error") == 1,
            what: "the poison ping in the error queue");
        await host.StopAsync();
    }

    private static async Task<bool> HasEffect(IDocumentStore store, Guid messageId)
    {
        await using var session = store.QuerySession();
        return await session.Query<PingEffect>().AnyAsync(e => e.MessageId == messageId);
    }

    private static async Task<uint> ErrorQueueDepth(Uri amqp, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = amqp }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }
}
