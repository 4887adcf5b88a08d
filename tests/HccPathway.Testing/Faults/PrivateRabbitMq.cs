using System.Diagnostics;

namespace HccPathway.Testing.Faults;

/// <summary>
/// A RabbitMQ node of the test's own on this host (its own node name, ports and data directory), started in the
/// foreground as a child process, so a test may stop and restart the broker without touching the shared one.
/// Durable exchanges, queues and persistent messages survive a restart, as on a real broker.
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string User = "rabbitmq";
    private const string Sbin = "/usr/lib/rabbitmq/bin";
    private readonly string directory;
    private readonly string node;
    private readonly int distributionPort;
    private Process? server;

    private PrivateRabbitMq(string directory, string node, int port, int distributionPort)
    {
        this.directory = directory;
        this.node = node;
        Port = port;
        this.distributionPort = distributionPort;
    }

    public int Port { get; }

    public Uri Amqp => new($"amqp://guest:guest@127.0.0.1:{Port}/");

    public bool IsRunning => server is { HasExited: false };

    public static async Task<PrivateRabbitMq> Start()
    {
        if (!File.Exists(Path.Combine(Sbin, "rabbitmq-server")))
        {
            throw new InvalidOperationException("RabbitMQ is not installed; run deploy/local/infra-up.sh.");
        }

        var suffix = Guid.NewGuid().ToString("N")[..8];
        var directory = Path.Combine(Path.GetTempPath(), $"hccfaults-rmq-{suffix}");
        Directory.CreateDirectory(directory);
        var rabbit = new PrivateRabbitMq(directory, $"hccfaults-{suffix}@localhost", ChildProcesses.FreePort(), ChildProcesses.FreePort());
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq.conf"),
            $"listeners.tcp.default = 127.0.0.1:{rabbit.Port}\nloopback_users = none\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "enabled_plugins"), "[].\n");
        await File.WriteAllTextAsync(Path.Combine(directory, "rabbitmq-env.conf"), "");
        await ChildProcesses.GiveTo(User, directory);
        await rabbit.StartServer();
        return rabbit;
    }

    private Dictionary<string, string> Environment => new()
    {
        ["HOME"] = "/var/lib/rabbitmq",
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
        ["RABBITMQ_NODENAME"] = node,
        ["RABBITMQ_NODE_PORT"] = Port.ToString(),
        ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
        ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbit.pid"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
    };

    public async Task StartServer()
    {
        File.Delete(Path.Combine(directory, "rabbit.pid"));
        var start = ChildProcesses.IsRoot
            ? ChildProcesses.Info("runuser", ["-u", User, "--", Path.Combine(Sbin, "rabbitmq-server")], Environment)
            : ChildProcesses.Info(Path.Combine(Sbin, "rabbitmq-server"), [], Environment);
        server = Process.Start(start) ?? throw new InvalidOperationException("Could not start rabbitmq-server.");
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        await Ctl("wait", "--timeout", "240", Path.Combine(directory, "rabbit.pid"));
        await Ctl("await_startup", "--timeout", "240");
        await ChildProcesses.WaitForPort(Port, TimeSpan.FromSeconds(30));
    }

    /// <summary>Stops the node cleanly; clients see their connections closed by the broker.</summary>
    public async Task Stop()
    {
        await Ctl("stop");
        if (server is { } running)
        {
            await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            running.Dispose();
            server = null;
        }
    }

    public async Task Restart()
    {
        await Stop();
        await StartServer();
    }

    /// <summary>The firehose: a copy of every message published or delivered in the default virtual host goes to <c>amq.rabbitmq.trace</c>.</summary>
    public Task TraceOn() => Ctl("trace_on", "-p", "/");

    private Task<string> Ctl(params string[] arguments) =>
        ChildProcesses.RunAs(User, Path.Combine(Sbin, "rabbitmqctl"), ["-n", node, .. arguments], Environment, TimeSpan.FromSeconds(300));

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            try
            {
                await Stop();
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
            {
                server?.Kill(entireProcessTree: true);
            }
        }

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
