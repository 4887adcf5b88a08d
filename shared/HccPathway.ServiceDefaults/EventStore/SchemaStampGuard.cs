using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.ServiceDefaults.EventStore;

/// <summary>
/// Runs before Marten applies its schema at startup. With schema fingerprinting, Weasel stamps the schema it applied
/// (in <c>public.weasel_schema_fingerprints</c>) and on the next start trusts the stamp instead of comparing every
/// table and function with the database. A schema dropped by hand would then not be created again; when the events
/// or the documents schema is missing, the stamps are discarded so that the full comparison runs.
/// </summary>
internal sealed class SchemaStampGuard(string connectionString, string eventsSchema, string documentsSchema) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            do $$
            begin
              if (select count(*) from pg_namespace where nspname in (@events, @documents)) < 2
                 and to_regclass('public.weasel_schema_fingerprints') is not null then
                delete from public.weasel_schema_fingerprints;
              end if;
            end $$
            """.Replace("@events", Literal(eventsSchema), StringComparison.Ordinal)
                .Replace("@documents", Literal(documentsSchema), StringComparison.Ordinal),
            connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // A DO block takes no parameters; schema names come from configuration, so they are quoted as literals.
    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
