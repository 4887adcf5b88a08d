using System.Diagnostics;
using System.Globalization;

namespace HccPathway.Benchmarks;

/// <summary>
/// One service as a real process (published in Release as its image is, run by <c>dotnet</c>) on Kestrel: cold start
/// is the time from process start to the first 200 from /health, and peak RSS is the kernel's high-water mark (VmHWM).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly System.Collections.Concurrent.ConcurrentBag<Process> Running = [];
    private static readonly List<System.Runtime.InteropServices.PosixSignalRegistration> Signals =
    [
        System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, _ => KillAll()),
        System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, _ => KillAll()),
    ];

    private const string ExperimentPrefix = "HCC_BENCH_SERVICE_";
    private readonly Process process;

    private ServiceProcess(string name, Process process, Uri address, TimeSpan coldStart)
    {
        Name = name;
        this.process = process;
        Address = address;
        ColdStart = coldStart;
    }

    public string Name { get; }

    public Uri Address { get; }

    public TimeSpan ColdStart { get; }

    public int ProcessId => process.Id;

    public static async Task<ServiceProcess> Start(
        Settings settings, string name, string project, int port, IReadOnlyDictionary<string, string> environment)
    {
        var folder = Path.Combine(settings.PublishedServices, project);
        var dll = Path.Combine(folder, $"HccPathway.{project}.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Publish the services first (deploy/local/bench.sh does): {dll}");
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        start.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = "";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // Experiments: HCC_BENCH_SERVICE_<setting> reaches every service as <setting> (e.g. a log level or a pool size).
        foreach (System.Collections.DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string key && key.StartsWith(ExperimentPrefix, StringComparison.Ordinal))
            {
                start.Environment[key[ExperimentPrefix.Length..]] = variable.Value as string;
            }
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");

        Running.Add(process);
        var errors = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was healthy: {errors}");
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(2))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{name} was not healthy within two minutes.");
            }

            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but not answering yet.
            }

            await Task.Delay(20);
        }

        return new ServiceProcess(name, process, address, watch.Elapsed);
    }

    /// <summary>Ctrl+C or SIGTERM on the benchmark must not leave the services it started running.</summary>
    public static int SignalHandlers => Signals.Count;

    private static void KillAll()
    {
        foreach (var started in Running)
        {
            try
            {
                if (!started.HasExited)
                {
                    started.Kill(entireProcessTree: true);
                }
            }
            catch (InvalidOperationException)
            {
                // Stopped and disposed already.
            }
        }
    }

    /// <summary>Peak resident set size since start, in MB.</summary>
    public double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines($"/proc/{process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                var kb = double.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture);
                return kb / 1024;
            }
        }

        return double.NaN;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            // SIGTERM: the host stops its daemon and bus cleanly, as under the AppHost.
            Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
    }
}
