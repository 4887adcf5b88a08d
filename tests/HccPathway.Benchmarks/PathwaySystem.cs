using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.DemoData;

namespace HccPathway.Benchmarks;

/// <summary>
/// The five services as real processes on one events schema (the "store") and one private virtual host: the system
/// as deploy/local/run.sh runs it, minus the AppHost. Each service keeps its documents in a schema of its own.
/// </summary>
public sealed class PathwaySystem : IAsyncDisposable
{
    private static readonly (string Name, string Project, int Port)[] Services =
    [
        ("intake", "Intake", 5301),
        ("scheduling", "Scheduling", 5302),
        ("assessment", "Assessment", 5303),
        ("surgery-planning", "SurgeryPlanning", 5304),
        ("audit", "Audit", 5305),
    ];

    private readonly List<ServiceProcess> processes;
    private readonly List<HttpClient> clients = [];

    private PathwaySystem(Settings settings, Store store, List<ServiceProcess> processes)
    {
        Settings = settings;
        Store = store;
        this.processes = processes;
    }

    /// <summary>Each service's PostgreSQL connections carry its name, so their backends can be told apart (see <see cref="CpuMeter"/>).</summary>
    public const string ApplicationNamePrefix = "bench-";

    public Settings Settings { get; }

    public Store Store { get; }

    public IReadOnlyList<ServiceProcess> Processes => processes;

    public PathwayClient Api { get; private set; } = null!;

    public HttpClient Audit { get; private set; } = null!;

    /// <summary>Starts the services one after another, so each cold start is measured without the others starting beside it.</summary>
    public static async Task<PathwaySystem> Start(Settings settings, Store store, Uri amqp)
    {
        var started = new List<ServiceProcess>();
        try
        {
            foreach (var (name, project, port) in Services)
            {
                started.Add(await ServiceProcess.Start(settings, name, project, port, new Dictionary<string, string>
                {
                    ["ConnectionStrings__pathway"] = $"{settings.Postgres};Application Name={ApplicationNamePrefix}{name}",
                    ["ConnectionStrings__messaging"] = amqp.ToString(),
                    ["Pathway__EventsSchema"] = store.EventsSchema,
                    ["Pathway__DocumentsSchema"] = store.DocumentsSchema(name),
                }));
            }
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            throw;
        }

        var system = new PathwaySystem(settings, store, started);
        await system.Connect();
        return system;
    }

    /// <summary>
    /// One more audit service, for <paramref name="store"/>, beside a running system: P6-P4 reads the small and the
    /// large store in turn, so both see the same moment of a noisy machine.
    /// </summary>
    public static async Task<(ServiceProcess Process, HttpClient Client)> StartAudit(Settings settings, Store store, Uri amqp, int port)
    {
        var process = await ServiceProcess.Start(settings, "audit-beside", "Audit", port, new Dictionary<string, string>
        {
            ["ConnectionStrings__pathway"] = $"{settings.Postgres};Application Name={ApplicationNamePrefix}audit-beside",
            ["ConnectionStrings__messaging"] = amqp.ToString(),
            ["Pathway__EventsSchema"] = store.EventsSchema,
            ["Pathway__DocumentsSchema"] = store.DocumentsSchema("audit"),
        });
        var client = new HttpClient { BaseAddress = process.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Token(process.Address, "auditor"));
        return (process, client);
    }

    private async Task Connect()
    {
        var clinician = await Token(processes[0].Address, "clinician");
        var auditor = await Token(processes[4].Address, "auditor");
        var api = processes.Take(4).Select(p => Client(p.Address, clinician)).ToArray();
        Api = new PathwayClient(api[0], api[1], api[2], api[3]);
        Audit = Client(processes[4].Address, auditor);
    }

    private HttpClient Client(Uri address, string token)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        clients.Add(http);
        return http;
    }

    private static async Task<string> Token(Uri service, string role)
    {
        using var http = new HttpClient { BaseAddress = service };
        using var response = await http.PostAsJsonAsync("/dev/tokens", new { subject = "benchmark", roles = new[] { role } });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("token").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
        {
            client.Dispose();
        }

        foreach (var process in processes)
        {
            await process.DisposeAsync();
        }
    }
}

/// <summary>One events schema plus each service's documents schema, named after it.</summary>
public sealed record Store(string Name)
{
    public string EventsSchema => $"{Name}_ev";

    public string DocumentsSchema(string service) => $"{Name}_{service.Replace('-', '_')}";

    public static Store New(string purpose) => new($"bench_{purpose}_{Guid.NewGuid():N}"[..22]);

    public async Task Drop(string postgres)
    {
        var schemas = new[] { "ev", "intake", "scheduling", "assessment", "surgery_planning", "audit" }.Select(s => $"{Name}_{s}");
        await Sql.Execute(postgres, string.Join(";", schemas.Select(s => $"drop schema if exists {s} cascade")));
    }
}
