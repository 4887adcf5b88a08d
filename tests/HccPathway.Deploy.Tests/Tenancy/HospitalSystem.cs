using HccPathway.Assessment;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.Scheduling;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using HccPathway.SurgeryPlanning;
using HccPathway.Testing;
using Microsoft.AspNetCore.Hosting;

namespace HccPathway.Deploy.Tests.Tenancy;

/// <summary>
/// All five services in-process on one events schema and one fresh RabbitMQ virtual host, configured as on
/// Kubernetes (quorum queues), serving several hospitals. A raw subscriber sees every relayed event.
/// </summary>
public sealed class HospitalSystem : IAsyncLifetime
{
    public InfrastructureEndpoints Infrastructure { get; private set; } = null!;

    public IsolatedSchemas Schemas { get; } = IsolatedSchemas.New();

    public RabbitMqProbe Wire { get; private set; } = null!;

    public ClusterFactory<IntakeApi> Intake { get; private set; } = null!;

    public ClusterFactory<SchedulingApi> Scheduling { get; private set; } = null!;

    public ClusterFactory<AssessmentApi> Assessment { get; private set; } = null!;

    public ClusterFactory<SurgeryPlanningApi> SurgeryPlanning { get; private set; } = null!;

    public ClusterFactory<AuditApi> Audit { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Infrastructure = await HccPathway.Testing.Infrastructure.GetAsync();
        Wire = await RabbitMqProbe.Subscribe(Infrastructure.RabbitMq, EventCatalog.All.Select(e => e.Type).ToArray());

        // One after another: each creates or checks the shared schema before the next starts.
        Intake = Started(new ClusterFactory<IntakeApi>(Infrastructure, Schemas, Owners.Intake));
        Scheduling = Started(new ClusterFactory<SchedulingApi>(Infrastructure, Schemas, Owners.Scheduling));
        Assessment = Started(new ClusterFactory<AssessmentApi>(Infrastructure, Schemas, Owners.Assessment));
        SurgeryPlanning = Started(new ClusterFactory<SurgeryPlanningApi>(Infrastructure, Schemas, Owners.SurgeryPlanning));
        Audit = Started(new ClusterFactory<AuditApi>(Infrastructure, Schemas, AuditApi.ServiceName));
    }

    /// <summary>A clinician of <paramref name="hospital"/> (none: a token without the claim) on the four pathway APIs.</summary>
    public PathwayClient Clinician(string? hospital) => new(
        Intake.ClientAs(Roles.Clinician, "dr-" + (hospital ?? "default"), hospital),
        Scheduling.ClientAs(Roles.Clinician, "dr-" + (hospital ?? "default"), hospital),
        Assessment.ClientAs(Roles.Clinician, "dr-" + (hospital ?? "default"), hospital),
        SurgeryPlanning.ClientAs(Roles.Clinician, "dr-" + (hospital ?? "default"), hospital));

    public HttpClient Auditor(string? hospital) => Audit.ClientAs(Roles.Auditor, "auditor-" + (hospital ?? "default"), hospital);

    public async Task DisposeAsync()
    {
        foreach (var factory in new IAsyncDisposable[] { Audit, SurgeryPlanning, Assessment, Scheduling, Intake })
        {
            await factory.DisposeAsync();
        }

        await Wire.DisposeAsync();
    }

    // Touching Server builds and starts the host: schema migration, the HotCold daemon, the bus with bound queues.
    private static ClusterFactory<TApi> Started<TApi>(ClusterFactory<TApi> factory)
        where TApi : class
    {
        _ = factory.Server;
        return factory;
    }
}

/// <summary>A service host configured as the Kubernetes overlays configure it: consumer queues are quorum queues.</summary>
public sealed class ClusterFactory<TApi>(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string service)
    : PathwayServiceFactory<TApi>(infrastructure, schemas, service)
    where TApi : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting(PathwayMessaging.QuorumQueuesKey, "true");
    }
}
