using HccPathway.Clinical.Rules;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.ServiceDefaults.Clinical;

/// <summary>
/// The rule set in effect, as decisions name it: its version name and the fingerprint of its parameters.
/// </summary>
public sealed record RuleSetProvenance(string Version, string Fingerprint, string Parameters)
{
    public static RuleSetProvenance Of(ClinicalRuleSet rules) =>
        new(rules.Version, RuleSetFingerprint.Of(rules), RuleSetFingerprint.CanonicalJson(rules));
}

/// <summary>
/// Registers the service's rule set in the event store's <c>rule_sets</c> table before the service starts, and stops
/// the start when the same version name is already registered with other parameters. Decisions record the version name;
/// without this check a centre's configuration could change a threshold under an unchanged name, and an auditor could
/// no longer tell which parameters produced a decision. The first registration of a name wins; every service of the
/// deployment that uses the name must agree with it. A changed parameter needs a new version name.
/// </summary>
public static class RuleSetRegistry
{
    /// <summary>The table, in the events schema, that the audit service reads (GET /rule-sets).</summary>
    public const string Table = "rule_sets";

    /// <summary>Registers <paramref name="provenance"/> unless its name is taken; throws when the name is taken by other parameters.</summary>
    public static async Task Register(
        string connectionString, string eventsSchema, RuleSetProvenance provenance, string registeredBy, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            // One implicit transaction. The lock serialises services starting together: concurrent "create … if
            // not exists" statements can still collide on the catalogue.
            BatchCommands =
            {
                new("select pg_advisory_xact_lock(hashtext('hccpathway.rule_sets'))"),
                new($"create schema if not exists {eventsSchema}"),
                new($"""
                     create table if not exists {eventsSchema}.{Table} (
                       version text primary key,
                       fingerprint text not null,
                       parameters jsonb not null,
                       registered_by text not null,
                       registered_at timestamptz not null default now())
                     """),
                new($"""
                     insert into {eventsSchema}.{Table} (version, fingerprint, parameters, registered_by)
                     values ($1, $2, $3::jsonb, $4) on conflict (version) do nothing
                     """)
                {
                    Parameters =
                    {
                        new() { Value = provenance.Version },
                        new() { Value = provenance.Fingerprint },
                        new() { Value = provenance.Parameters },
                        new() { Value = registeredBy },
                    },
                },
                new($"select fingerprint, registered_by from {eventsSchema}.{Table} where version = $1")
                {
                    Parameters = { new() { Value = provenance.Version } },
                },
            },
        };

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.NextResultAsync(cancellationToken); // past the lock's empty row to the registered fingerprint
        await reader.ReadAsync(cancellationToken);
        var (registered, by) = (reader.GetString(0), reader.GetString(1));
        if (registered != provenance.Fingerprint)
        {
            throw new InvalidOperationException(
                $"Clinical rule set '{provenance.Version}' is already registered (by {by}) with other parameters " +
                $"({registered}); this service's are {provenance.Fingerprint}. Give the changed rule set a new " +
                "ClinicalRules:Version, or configure the parameters registered under this one (docs/clinical-rules.md, \"Rule set versions\").");
        }
    }
}

/// <summary>Registers the rule set when the service starts, before it serves anything.</summary>
internal sealed class RuleSetRegistration(string connectionString, string eventsSchema, RuleSetProvenance provenance, string service)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        RuleSetRegistry.Register(connectionString, eventsSchema, provenance, service, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
