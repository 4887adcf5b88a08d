using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.Foundation.Tests.Messaging;

public sealed record Ping(Guid Id, bool Poison = false);

/// <summary>What handling a <see cref="Ping"/> leaves behind; counting these counts effects.</summary>
public sealed class PingEffect
{
    public Guid Id { get; set; }

    public Guid MessageId { get; set; }
}

public sealed class PingConsumer(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<Ping>(store, clock)
{
    protected override string ConsumerName => "ping";

    protected override Task Handle(ConsumeContext<Ping> context, IDocumentSession session)
    {
        if (context.Message.Poison)
        {
            throw new InvalidOperationException("This message can never be handled.");
        }

        session.Store(new PingEffect { Id = Guid.NewGuid(), MessageId = context.MessageId!.Value });
        return Task.CompletedTask;
    }
}

public sealed class PingConsumerDefinition : RetryingConsumerDefinition<PingConsumer>
{
    // One at a time, so that "the last message was handled" means "every earlier one was too".
    public PingConsumerDefinition() => ConcurrentMessageLimit = 1;
}

/// <summary>A host wired exactly as a service is (event store, messaging), running the <see cref="PingConsumer"/>.</summary>
internal static class ConsumerHost
{
    public const string Service = "backbone-test";

    public static async Task<IHost> Start(InfrastructureEndpoints infrastructure)
    {
        var schemas = IsolatedSchemas.New();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["ConnectionStrings:messaging"] = infrastructure.RabbitMq.ToString(),
            ["Pathway:EventsSchema"] = schemas.Events,
            ["Pathway:DocumentsSchema"] = schemas.DocumentsOf(Service),
        });
        builder.Services.AddSingleton(TimeProvider.System);
        var marten = builder.AddPathwayEventStore(Service, o =>
        {
            o.Schema.For<PingEffect>();
            o.Schema.For<ProcessedMessage>();
        });
        builder.AddPathwayMessaging(Service, marten, x => x.AddConsumer<PingConsumer, PingConsumerDefinition>());

        // The queue must be bound before the test publishes, or the first messages have nowhere to go.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);

        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
