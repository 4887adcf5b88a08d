using HccPathway.Assessment;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.Scheduling;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.EndToEnd.Tests;

/// <summary>
/// The whole system in-process: the four pathway services and the audit service as WebApplicationFactory hosts on the run's real PostgreSQL and
/// RabbitMQ, sharing one events schema (each with its own documents schema) and one fresh RabbitMQ virtual host, so
/// they cooperate only through the stream's relays and RabbitMQ as in production. A raw RabbitMQ subscriber bound to
/// every event type sees what an outside system would.
/// </summary>
public class PathwaySystem : IAsyncLifetime
{
    public InfrastructureEndpoints Infrastructure { get; private set; } = null!;

    public IsolatedSchemas Schemas { get; private set; } = null!;

    public PathwayServiceFactory<IntakeApi> Intake { get; private set; } = null!;

    public PathwayServiceFactory<SchedulingApi> Scheduling { get; private set; } = null!;

    public PathwayServiceFactory<AssessmentApi> Assessment { get; private set; } = null!;

    public PathwayServiceFactory<SurgeryPlanningApi> SurgeryPlanning { get; private set; } = null!;

    /// <summary>The read-only audit service over the same events schema (no broker).</summary>
    public PathwayServiceFactory<AuditApi> Audit { get; private set; } = null!;

    public RabbitMqProbe Wire { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Infrastructure = await HccPathway.Testing.Infrastructure.GetAsync();
        Schemas = IsolatedSchemas.New();
        Wire = await RabbitMqProbe.Subscribe(Infrastructure.RabbitMq, EventCatalog.All.Select(e => e.Type).ToArray());
        await StartServices();
    }

    /// <summary>One after another: each creates or checks the shared schema before the next starts.</summary>
    public Task StartServices()
    {
        Intake = Start(new PathwayServiceFactory<IntakeApi>(Infrastructure, Schemas, Owners.Intake));
        Scheduling = Start(new PathwayServiceFactory<SchedulingApi>(Infrastructure, Schemas, Owners.Scheduling));
        Assessment = Start(new PathwayServiceFactory<AssessmentApi>(Infrastructure, Schemas, Owners.Assessment));
        SurgeryPlanning = Start(new PathwayServiceFactory<SurgeryPlanningApi>(Infrastructure, Schemas, Owners.SurgeryPlanning));
        Audit = Start(new PathwayServiceFactory<AuditApi>(Infrastructure, Schemas, AuditApi.ServiceName));
        return Task.CompletedTask;
    }

    public async Task StopServices()
    {
        foreach (var factory in Factories().Reverse())
        {
            await factory.DisposeAsync();
        }
    }

    public IReadOnlyList<IAsyncDisposable> Factories() => [Intake, Scheduling, Assessment, SurgeryPlanning, Audit];

    public IReadOnlyList<(string Service, IDocumentStore Store)> Stores() =>
    [
        (Owners.Intake, Intake.Services.GetRequiredService<IDocumentStore>()),
        (Owners.Scheduling, Scheduling.Services.GetRequiredService<IDocumentStore>()),
        (Owners.Assessment, Assessment.Services.GetRequiredService<IDocumentStore>()),
        (Owners.SurgeryPlanning, SurgeryPlanning.Services.GetRequiredService<IDocumentStore>()),
        (AuditApi.ServiceName, Audit.Services.GetRequiredService<IDocumentStore>()),
    ];

    /// <summary>An auditor's client of the audit API.</summary>
    public HttpClient Auditor(string subject = "auditor-e2e") => Audit.ClientAs(Roles.Auditor, subject);

    /// <summary>A clinician's client of all four APIs (clinicians may record and decide).</summary>
    public PathwayClient ClinicianApi(string subject = "dr-e2e") => new(
        Intake.ClientAs(Roles.Clinician, subject),
        Scheduling.ClientAs(Roles.Clinician, subject),
        Assessment.ClientAs(Roles.Clinician, subject),
        SurgeryPlanning.ClientAs(Roles.Clinician, subject));

    /// <summary>Every message relayed for one pathway so far, in stream order, as (stream version, stored event name).</summary>
    public IReadOnlyList<(long Version, string Name)> StreamOnWire(Guid pathwayId) => Wire.Received
        .Where(m => m.Header(RelayHeaders.PathwayId) == pathwayId.ToString())
        .Select(m => (Version: long.Parse(m.Header(RelayHeaders.StreamVersion)!), Name: m.Header(RelayHeaders.EventName)!))
        .DistinctBy(m => m.Version)
        .OrderBy(m => m.Version)
        .ToArray();

    public async Task DisposeAsync()
    {
        await StopServices();
        await Wire.DisposeAsync();
    }

    // Touching Server builds and starts the host: schema migration, the HotCold daemon, the bus with bound queues.
    private static PathwayServiceFactory<TApi> Start<TApi>(PathwayServiceFactory<TApi> factory)
        where TApi : class
    {
        _ = factory.Server;
        return factory;
    }
}
