using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>
/// The Scheduling service in-process against real PostgreSQL (schemas of its own) and real RabbitMQ. Upstream services
/// are not running: tests write their events to the stream as they would, and publish the message with its event id.
/// </summary>
public sealed class SchedulingService : IAsyncLifetime
{
    public PathwayServiceFactory<SchedulingApi> Factory { get; private set; } = null!;

    public RabbitMqProbe Subscriber { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public InfrastructureEndpoints Infrastructure { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await Testing.Infrastructure.GetAsync();
        Subscriber = await RabbitMqProbe.Subscribe(
            Infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.Scheduling).Select(e => e.Type).ToArray());
        Factory = new PathwayServiceFactory<SchedulingApi>(Infrastructure, IsolatedSchemas.New(), Owners.Scheduling);
        _ = Factory.Server;

        // The deadline sweep runs at start with the real clock; tests drive their own sweeps with a FakeTimeProvider,
        // so they begin once it is done and cannot race it.
        await Factory.Services.GetRequiredService<DeadlineSweepRuns>().First.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Does what Intake does on enrolment: appends the event to a new pathway stream, then its relay publishes it.</summary>
    public async Task<(Guid PathwayId, Guid EventId, PatientEnrolled Message)> Enrol(DateOnly enrolledOn, decimal weightKg = 70m)
    {
        var pathwayId = Guid.NewGuid();
        var enrolled = new PatientEnrolled(pathwayId, ["ELIG-2"], weightKg, enrolledOn, "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);
        var eventId = await AppendUpstream(pathwayId, enrolled);
        await Publish(enrolled, eventId);
        return (pathwayId, eventId, enrolled);
    }

    /// <summary>Appends another service's event to the pathway stream, returning its event id.</summary>
    public async Task<Guid> AppendUpstream(Guid pathwayId, object @event)
    {
        await using var session = Store.LightweightSession();
        var action = session.Events.Append(pathwayId, @event);
        await session.SaveChangesAsync();
        return action.Events[^1].Id;
    }

    public Task Publish<T>(T message, Guid messageId) where T : class =>
        Factory.Services.GetRequiredService<IBus>().Publish(message, c => c.MessageId = messageId);

    public async Task<bool> Processed(string consumer, Guid messageId)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<ProcessedMessage>($"{consumer}/{messageId}") is not null;
    }

    public async Task<IReadOnlyList<JasperFx.Events.IEvent>> Stream(Guid pathwayId)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamAsync(pathwayId);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Subscriber.DisposeAsync();
    }
}

/// <summary>
/// One Scheduling host for every test class that needs it. Two hosts in one RabbitMQ virtual host would share the
/// consumers' queues (as replicas do) while writing to different test schemas, so each would miss half the messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SchedulingCollection : ICollectionFixture<SchedulingService>
{
    public const string Name = "scheduling-service";
}
