using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace HccPathway.AppHost;

/// <summary>
/// How the AppHost gets PostgreSQL and RabbitMQ. Aspire hangs silently both when no container runtime answers and when
/// an external connection string is missing, so the choice is made up front and a dead end fails at once, with the fix.
/// </summary>
internal enum InfrastructureMode
{
    /// <summary>Connection strings to servers started by deploy/local/infra-up.sh (or any others).</summary>
    External,

    /// <summary>PostgreSQL and RabbitMQ containers managed by Aspire.</summary>
    Containers,
}

internal static class InfrastructureModeDetector
{
    public const string PostgresName = "pathway";
    public const string RabbitMqName = "messaging";

    public static InfrastructureMode Detect(IConfiguration configuration, bool isRunMode)
    {
        // A published manifest describes the containers; only a local run can point at existing servers.
        if (!isRunMode)
        {
            return InfrastructureMode.Containers;
        }

        var postgres = configuration.GetConnectionString(PostgresName);
        var rabbit = configuration.GetConnectionString(RabbitMqName);
        if (!string.IsNullOrWhiteSpace(postgres) && !string.IsNullOrWhiteSpace(rabbit))
        {
            return InfrastructureMode.External;
        }

        if (!string.IsNullOrWhiteSpace(postgres) || !string.IsNullOrWhiteSpace(rabbit))
        {
            var missing = string.IsNullOrWhiteSpace(postgres) ? PostgresName : RabbitMqName;
            throw new InvalidOperationException(
                $"ConnectionStrings:{missing} is not set, though the other one is. Set both (source .local/infra.env " +
                "after deploy/local/infra-up.sh) or neither (to use containers).");
        }

        if (ContainerRuntimeAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker", TimeSpan.FromSeconds(3)))
        {
            return InfrastructureMode.Containers;
        }

        throw new InvalidOperationException(
            "No container runtime answers and no connection strings are set, so there is no PostgreSQL or RabbitMQ to run " +
            "against. Run 'deploy/local/run.sh' (it installs and starts both, then this AppHost), or start Docker.");
    }

    private static bool ContainerRuntimeAnswers(string runtime, TimeSpan timeout)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(runtime, "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
