using System.Net;
using System.Net.Sockets;
using HccPathway.Assessment;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.Coordinator;
using HccPathway.Intake;
using HccPathway.Scheduling;
using HccPathway.SurgeryPlanning;
using HccPathway.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

// One running system at a time: two sets of services and browsers at once would compete for the same few cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HccPathway.Coordinator.BrowserTests;

/// <summary>
/// The whole system as a browser sees it: the five services and the coordinator app, each on its own real Kestrel port,
/// on the run's real PostgreSQL and a fresh RabbitMQ virtual host (one events schema, documents schemas per service),
/// and Debian's Chromium driven by Playwright. The app finds the services through the same service-discovery keys the
/// AppHost sets (services:{name}:http:0).
/// </summary>
public sealed class RunningSystem : IAsyncLifetime
{
    private readonly List<IAsyncDisposable> hosts = [];

    public string CoordinatorUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public string ScreenshotDirectory { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("HCC_TEST_RESULTS") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"), "coordinator-screenshots");

    private IPlaywright? playwright;

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        var urls = new Dictionary<string, string>
        {
            ["intake"] = Start(new KestrelService<IntakeApi>(infrastructure, schemas, Owners.Intake)),
            ["scheduling"] = Start(new KestrelService<SchedulingApi>(infrastructure, schemas, Owners.Scheduling)),
            ["assessment"] = Start(new KestrelService<AssessmentApi>(infrastructure, schemas, Owners.Assessment)),
            ["surgery-planning"] = Start(new KestrelService<SurgeryPlanningApi>(infrastructure, schemas, Owners.SurgeryPlanning)),
            ["audit"] = Start(new KestrelService<AuditApi>(infrastructure, schemas, AuditApi.ServiceName)),
        };

        var port = FreePort();
        var coordinator = new CoordinatorHost(urls);
        coordinator.UseKestrel(port);
        coordinator.StartServer();
        hosts.Add(coordinator);
        CoordinatorUrl = $"http://127.0.0.1:{port}";

        Directory.CreateDirectory(ScreenshotDirectory);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("HCC_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }
    }

    // One after another: each creates or checks the shared events schema before the next starts.
    private string Start<TApi>(KestrelService<TApi> service)
        where TApi : class
    {
        var port = FreePort();
        service.UseKestrel(port);
        service.StartServer();
        hosts.Add(service);
        return $"http://127.0.0.1:{port}";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelService<TApi>(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string service)
        : PathwayServiceFactory<TApi>(infrastructure, schemas, service)
        where TApi : class;

    private sealed class CoordinatorHost(IReadOnlyDictionary<string, string> services) : WebApplicationFactory<CoordinatorApp>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            foreach (var (name, url) in services)
            {
                builder.UseSetting($"services:{name}:http:0", url);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RunningSystemCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "running system";
}

/// <summary>
/// The plan-change and correction tests enrol patients of their own, so they run on a system of their own: the journey
/// counts the centre's enrolled cohort and must see only its patient.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EnrolledPatientsCollection : ICollectionFixture<RunningSystem>
{
    public const string Name = "running system with enrolled patients";
}
