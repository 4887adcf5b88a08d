using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.SurgeryPlanning.Tests.Messaging;

/// <summary>
/// The surgery-planning service in-process on real PostgreSQL and RabbitMQ, a small MassTransit bus standing in for
/// the upstream services, and a raw RabbitMQ subscriber seeing what surgery planning publishes.
/// </summary>
public sealed class SurgeryPlanningService : IAsyncLifetime
{
    public Factory Service { get; private set; } = null!;

    public IBusControl Upstream { get; private set; } = null!;

    public RabbitMqProbe Subscriber { get; private set; } = null!;

    public IDocumentStore Store => Service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        Subscriber = await RabbitMqProbe.Subscribe(
            infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.SurgeryPlanning).Select(e => e.Type).ToArray());
        Service = new Factory(infrastructure, IsolatedSchemas.New());
        _ = Service.Server;
        Upstream = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(infrastructure.RabbitMq));
        await Upstream.StartAsync();
    }

    /// <summary>Opens a pathway the way intake does (the stream exists before any upstream message is published).</summary>
    public async Task<Guid> NewEnrolledPathway(DateOnly enrolledOn)
    {
        var id = Guid.CreateVersion7();
        await using var session = Store.LightweightSession();
        session.Events.StartStream(id,
            new PatientRegistered(id, new PatientIdentity("MRN-T", "Test Patient", new DateOnly(1960, 1, 1)), "female", enrolledOn.AddDays(-20), "Centre", DateTimeOffset.UtcNow),
            new PatientEnrolled(id, ["ELIG-2"], 70, enrolledOn, "dr-intake", "convert", DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>Publishes an upstream contract message with its event id as the message id, as the relays do.</summary>
    public Task Publish<T>(T message, Guid messageId) where T : class =>
        Upstream.Publish(message, c => c.MessageId = messageId);

    public async Task DisposeAsync()
    {
        await Upstream.StopAsync();
        await Service.DisposeAsync();
        await Subscriber.DisposeAsync();
    }

    public sealed class Factory(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas)
        : PathwayServiceFactory<SurgeryPlanningApi>(infrastructure, schemas, Owners.SurgeryPlanning)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);

            // The service's queues must be bound before a test publishes, or the first messages have nowhere to go.
            builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        }
    }
}
