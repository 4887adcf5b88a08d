using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Testing.Faults;

/// <summary>
/// One built service assembly run as a child process (<c>dotnet HccPathway.X.dll</c>) against the given PostgreSQL and
/// RabbitMQ, so a test can kill it with SIGKILL (<see cref="Kill"/>) and start it again on the same port.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly string assembly;
    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly ConcurrentQueue<string> output = new();
    private readonly StreamWriter? log;
    private Process? process;

    public ServiceProcess(string name, string assembly, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        this.assembly = assembly;
        Port = port;
        this.environment = environment;

        // A long run (the soak) keeps every line the services wrote, so a loss can be traced to what they logged.
        if (Environment.GetEnvironmentVariable("HCC_SERVICE_LOG_DIR") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            log = new StreamWriter(Path.Combine(directory, name + ".log"), append: true) { AutoFlush = true };
        }
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public int Starts { get; private set; }

    /// <summary>Every line the process writes (standard output and error), as it comes, over every start.</summary>
    public event Action<string>? LineWritten;

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Tail => string.Join('\n', output.TakeLast(60));

    /// <summary>
    /// The service's build output, found from the repository root: services/{folder}/HccPathway.{name}/bin/{configuration}/net10.0.
    /// The calling test project references the service project, so it is built with the same configuration.
    /// </summary>
    public static string Locate(string folder, string project)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HccPathway.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException("The repository root (HccPathway.sln) is not above the test output.");
        }

        var path = Path.Combine(root.FullName, "services", folder, project, "bin", configuration, framework, project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {project} first.", path);
    }

    /// <summary>
    /// Starts <paramref name="services"/> one after another (each creates or checks the shared schema before the next
    /// starts); if one fails, disposes <paramref name="owner"/>, since nobody else would stop what already started.
    /// </summary>
    public static async Task StartInOrder(IEnumerable<ServiceProcess> services, IAsyncDisposable owner)
    {
        try
        {
            foreach (var service in services)
            {
                await service.Start();
            }
        }
        catch
        {
            await owner.DisposeAsync();
            throw;
        }
    }

    public async Task Start(TimeSpan? timeout = null)
    {
        var start = ChildProcesses.Info("dotnet", [assembly], new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString(),
        });
        start.WorkingDirectory = Path.GetDirectoryName(assembly)!;
        process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Starts++;
        await WaitHealthy(timeout ?? TimeSpan.FromSeconds(240));
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing, no graceful stop of the bus or the daemon.</summary>
    public async Task Kill()
    {
        if (process is { HasExited: false } running)
        {
            running.Kill();
            await running.WaitForExitAsync();
        }
    }

    public async Task Restart()
    {
        await Kill();
        await Start();
    }

    /// <summary>A client with a bearer token for <paramref name="role"/>, signed with the Development key the service trusts.</summary>
    public HttpClient ClientAs(string role, string subject = "fault-tests")
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var token = TokenIssuer.Issue(new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey }, subject, [role], DateTimeOffset.UtcNow);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task WaitHealthy(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode}:\n{Tail}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Name} did not become healthy:\n{Tail}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        LineWritten?.Invoke(line);
        lock (output)
        {
            log?.WriteLine(line);
        }

        while (output.Count > 400)
        {
            output.TryDequeue(out _);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Kill();
        process?.Dispose();
        if (log is not null)
        {
            await log.DisposeAsync();
        }
    }
}
