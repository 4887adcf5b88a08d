using HccPathway.Contracts;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Intake.Tests.Api;

/// <summary>The Intake service in-process against real PostgreSQL (schemas of its own) and real RabbitMQ.</summary>
public sealed class IntakeService : IAsyncLifetime
{
    public PathwayServiceFactory<IntakeApi> Factory { get; private set; } = null!;

    public RabbitMqProbe Subscriber { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        Subscriber = await RabbitMqProbe.Subscribe(
            infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.Intake).Select(e => e.Type).ToArray());
        Factory = new PathwayServiceFactory<IntakeApi>(infrastructure, IsolatedSchemas.New(), Owners.Intake);
        _ = Factory.Server;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Subscriber.DisposeAsync();
    }
}
