using HccPathway.Contracts;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Assessment.Tests.Api;

/// <summary>
/// The Assessment service in-process against real PostgreSQL and RabbitMQ. One host for every API test: the
/// PatientEnrolled queue is shared within a run's virtual host, and two hosts would take each other's messages.
/// </summary>
public sealed class AssessmentService : IAsyncLifetime
{
    public PathwayServiceFactory<AssessmentApi> Factory { get; private set; } = null!;

    public RabbitMqProbe Subscriber { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public IBus Bus => Factory.Services.GetRequiredService<IBus>();

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        Subscriber = await RabbitMqProbe.Subscribe(
            infrastructure.RabbitMq, EventCatalog.OwnedBy(Owners.Assessment).Select(e => e.Type).ToArray());
        Factory = new PathwayServiceFactory<AssessmentApi>(infrastructure, IsolatedSchemas.New(), Owners.Assessment);
        _ = Factory.Server;

        // The deadline sweep runs at start with the real clock; tests drive their own with a FakeTimeProvider after it.
        await Factory.Services.GetRequiredService<DeadlineSweepRuns>().First.WaitAsync(TimeSpan.FromMinutes(1));
    }

    /// <summary>Writes Intake's side of a pathway into the stream: registered, baseline assessed and (optionally) enrolled.</summary>
    public async Task<Guid> PathwayFromIntake(DateOnly enrolledOn, bool enrolled = true)
    {
        var id = Guid.NewGuid();
        await using var session = Store.LightweightSession();
        object[] events = enrolled
            ? [IntakeFacts.Registered(id, enrolledOn.AddDays(-30)), IntakeFacts.Baseline(id, enrolledOn.AddDays(-10)), IntakeFacts.Enrolled(id, enrolledOn)]
            : [IntakeFacts.Registered(id, enrolledOn.AddDays(-30)), IntakeFacts.Baseline(id, enrolledOn.AddDays(-10))];
        session.Events.StartStream(id, events);
        await session.SaveChangesAsync();
        return id;
    }

    /// <summary>Appends Intake's record that the patient left the pathway, as Intake writes it.</summary>
    public async Task ExitFromIntake(Guid id, DateOnly exitedOn)
    {
        await using var session = Store.LightweightSession();
        session.Events.Append(id, IntakeFacts.Exited(id, exitedOn));
        await session.SaveChangesAsync();
    }

    public async Task<long> VersionOf(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id))?.Version ?? 0;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Subscriber.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class AssessmentServiceCollection : ICollectionFixture<AssessmentService>
{
    public const string Name = "assessment service";
}
