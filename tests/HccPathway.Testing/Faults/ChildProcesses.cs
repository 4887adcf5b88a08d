using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HccPathway.Testing.Faults;

/// <summary>Small process and port helpers for the private infrastructure of the fault tests.</summary>
public static class ChildProcesses
{
    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when running as root, where server processes must be started as their own system user.</summary>
    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>Runs a command to completion and returns its output; throws with the output when it fails.</summary>
    public static async Task<string> Run(
        string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null, TimeSpan? timeout = null,
        bool check = true)
    {
        var start = Info(file, arguments, environment);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(120));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', arguments)} did not finish: {output}");
        }

        process.WaitForExit();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {output}");
        }

        return output.ToString();
    }

    /// <summary>As <see cref="Run"/>, as <paramref name="user"/> when this process is root.</summary>
    public static Task<string> RunAs(
        string user, string file, IEnumerable<string> arguments, IDictionary<string, string>? environment = null,
        TimeSpan? timeout = null, bool check = true) =>
        IsRoot
            ? Run("runuser", ["-u", user, "--", file, .. arguments], environment, timeout, check)
            : Run(file, arguments, environment, timeout, check);

    public static ProcessStartInfo Info(string file, IEnumerable<string> arguments, IDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return start;
    }

    /// <summary>Makes <paramref name="path"/> (recursively) belong to <paramref name="user"/> when this process is root.</summary>
    public static async Task GiveTo(string user, string path)
    {
        if (IsRoot)
        {
            await Run("chown", ["-R", user, path]);
        }
    }

    public static async Task WaitForPort(int port, TimeSpan timeout, Func<bool>? stillRunning = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && (stillRunning?.Invoke() ?? true))
            {
                await Task.Delay(100);
            }
        }
    }
}
