using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace HccPathway.Scheduling.Subscriptions.Delivering;

/// <summary>
/// Elects one deliverer among the replicas: a PostgreSQL session advisory lock, tried without waiting and held on its
/// own connection for one delivery round. A replica that does not get it skips the round; a replica that dies loses
/// its connection and so the lock. The key is derived from the documents schema, so test schemas and deployments
/// sharing a database do not elect each other. A continuous poll, unlike the deadline sweeps, which Quartz runs.
/// </summary>
public sealed class DeliveryElection : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly long key;

    private DeliveryElection(NpgsqlConnection connection, long key)
    {
        this.connection = connection;
        this.key = key;
    }

    /// <summary>The election won, to dispose when the sweep is done; null when another replica is sweeping.</summary>
    public static async Task<DeliveryElection?> TryWin(string connectionString, long key, CancellationToken cancellation)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellation);
            await using var command = new NpgsqlCommand("select pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = key } } };
            if (await command.ExecuteScalarAsync(cancellation) is true)
            {
                return new DeliveryElection(connection, key);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = key } } };
            await command.ExecuteScalarAsync();
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await connection.DisposeAsync();
        }
    }
}
