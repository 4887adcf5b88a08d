using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.SurgeryPlanning.Facts;
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
    public PathwayServiceFactory<SurgeryPlanningApi> Service { get; private set; } = null!;

    public IBusControl Upstream { get; private set; } = null!;

    public RabbitMqProbe Subscriber { get; private set; } = null!;

    public IDocumentStore Store => Service.Services.GetRequiredService<IDocumentStore>();

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        Subscriber = await RabbitMqProbe.Subscribe(
            infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.SurgeryPlanning).Select(e => e.Type).ToArray());
        Service = new PathwayServiceFactory<SurgeryPlanningApi>(infrastructure, IsolatedSchemas.New(), Owners.SurgeryPlanning);
        _ = Service.Server;

        // The deadline sweep runs at start with the real clock; tests drive their own with a FakeTimeProvider after it.
        await Service.Services.GetRequiredService<DeadlineSweepRuns>().First.WaitAsync(TimeSpan.FromMinutes(1));
        Upstream = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(infrastructure.RabbitMq));
        await Upstream.StartAsync();
    }

    /// <summary>
    /// Opens and enrols a pathway the way intake does: the events are in the stream first, then intake's relay
    /// publishes the enrolment (here: the upstream bus, with the same message id).
    /// </summary>
    public async Task<Guid> NewEnrolledPathway(DateOnly enrolledOn)
    {
        var id = Guid.CreateVersion7();
        var enrolled = new PatientEnrolled(id, ["ELIG-2"], 70, enrolledOn, "dr-intake", "convert", DateTimeOffset.UtcNow);
        await using var session = Store.LightweightSession();
        session.Events.StartStream(id,
            new PatientRegistered(id, new PatientIdentity("MRN-T", "Test Patient", new DateOnly(1960, 1, 1)), "female", enrolledOn.AddDays(-20), "Centre", DateTimeOffset.UtcNow),
            enrolled);
        await session.SaveChangesAsync();
        var stored = await session.Events.FetchStreamAsync(id);
        await Publish(enrolled, stored[^1].Id);

        // Wait until surgery planning has taken it (and appended its first evaluation), so tests start from a settled stream.
        await Eventually.True(async () =>
        {
            await using var query = Store.QuerySession();
            return await query.LoadAsync<PatientChecklist>(id) is { EnrolledOn: not null, Verdict: not null };
        }, what: "the enrolment consumed");
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
}

/// <summary>
/// One service host for every integration test: two hosts in one run would share the service's queues and take each
/// other's messages (competing consumers), each writing to its own schemas.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SurgeryPlanningCollection : ICollectionFixture<SurgeryPlanningService>
{
    public const string Name = "surgery-planning service";
}
