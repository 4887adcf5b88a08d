namespace HccPathway.Testing.Faults;

/// <summary>
/// A PostgreSQL cluster of the test's own, in a temporary directory on a free port, so a test may stop and restart it
/// while other test runs keep using the shared server. Durability settings are off: the tests restart it with a fast
/// shutdown (a clean checkpoint), they do not crash the machine.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string User = "postgres";
    private readonly string directory;
    private readonly string bin;

    private PrivatePostgres(string directory, string bin, int port)
    {
        this.directory = directory;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString =>
        $"Host=127.0.0.1;Port={Port};Database=pathway;Username=postgres;Timeout=30;Command Timeout=60;Maximum Pool Size=40";

    /// <summary>The directory of PostgreSQL 15's server programs: <c>HCC_PG_BIN</c>, else the newest under /usr/lib/postgresql.</summary>
    public static string FindBin() =>
        Environment.GetEnvironmentVariable("HCC_PG_BIN") is { Length: > 0 } configured
            ? configured
            : Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                    .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault()
                  ?? throw new InvalidOperationException("No initdb under /usr/lib/postgresql; run deploy/local/infra-up.sh.")
                : throw new InvalidOperationException("PostgreSQL is not installed; run deploy/local/infra-up.sh.");

    public static async Task<PrivatePostgres> Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"hccfaults-pg-{Guid.NewGuid():N}"[..28]);
        Directory.CreateDirectory(directory);
        await ChildProcesses.GiveTo(User, directory);
        var postgres = new PrivatePostgres(directory, FindBin(), ChildProcesses.FreePort());
        await ChildProcesses.RunAs(User, Path.Combine(postgres.bin, "initdb"),
            ["-D", postgres.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync"]);
        await postgres.StartServer();
        await ChildProcesses.RunAs(User, Path.Combine(postgres.bin, "psql"),
            ["-h", "127.0.0.1", "-p", postgres.Port.ToString(), "-U", User, "-d", "postgres", "-c", "create database pathway"]);
        return postgres;
    }

    private string DataDirectory => Path.Combine(directory, "data");

    public Task StartServer() => PgCtl("start", "-w", "-t", "60", "-l", Path.Combine(directory, "server.log"), "-o", Options);

    public Task Stop() => PgCtl("stop", "-m", "fast", "-w", "-t", "60");

    /// <summary>A fast restart: every open connection is terminated, in-flight transactions are rolled back.</summary>
    public Task Restart() => PgCtl("restart", "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(directory, "server.log"), "-o", Options);

    private string Options =>
        $"-p {Port} -c listen_addresses=127.0.0.1 -k {directory} -c fsync=off -c synchronous_commit=off " +
        "-c full_page_writes=off -c max_connections=300";

    private Task PgCtl(params string[] arguments) =>
        ChildProcesses.RunAs(User, Path.Combine(bin, "pg_ctl"), ["-D", DataDirectory, .. arguments]);

    public async ValueTask DisposeAsync()
    {
        await PgCtl("stop", "-m", "immediate", "-w").ContinueWith(_ => { });
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory; the operating system clears /tmp.
        }
    }
}
