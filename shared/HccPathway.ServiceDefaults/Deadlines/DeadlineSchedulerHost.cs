using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// Starts and stops the deadline scheduler. Quartz creates its tables when they are missing (ProvisionSchema) with
/// <c>CREATE TABLE IF NOT EXISTS</c>, which PostgreSQL does not make safe between two sessions creating the same table
/// at once: services starting together on a fresh database would race for it. The start therefore holds one advisory
/// lock for the whole database while the scheduler initialises, so one service creates the tables and the others find them.
/// </summary>
internal sealed class DeadlineSchedulerHost(ISchedulerFactory factory, string connectionString) : IHostedService
{
    // Any fixed key: "qrtz" in ASCII. Only scheduler starts take it.
    private const long ProvisioningLock = 0x7172747A;

    private IScheduler? scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"select pg_advisory_lock({ProvisioningLock})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            scheduler = await factory.GetScheduler(cancellationToken);
            await scheduler.Start(cancellationToken);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"select pg_advisory_unlock({ProvisioningLock})", connection);
            await release.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (scheduler is not null)
        {
            await scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
        }
    }
}
