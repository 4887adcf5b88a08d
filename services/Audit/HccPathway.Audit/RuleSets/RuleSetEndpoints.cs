using System.Text.Json;
using HccPathway.Audit.Events;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Npgsql;

namespace HccPathway.Audit.RuleSets;

/// <summary>A registered rule set: what a decision's <c>ruleSetVersion</c> stands for.</summary>
public sealed record RegisteredRuleSet(
    string Version, string Fingerprint, JsonElement Parameters, string RegisteredBy, DateTimeOffset RegisteredAt);

/// <summary>
/// The rule sets the services registered when they started (docs/clinical-rules.md, "Rule set versions"): an auditor
/// looks up the parameters behind any decision's <c>ruleSetVersion</c>.
/// </summary>
public static class RuleSetEndpoints
{
    public static WebApplication MapRuleSets(this WebApplication app)
    {
        var group = app.MapGroup("/rule-sets").WithTags("Rule sets").RequireAuthorization(Policies.Audit);
        group.MapGet("/", async (RuleSetLookup lookup, CancellationToken ct) => TypedResults.Ok(await lookup.All(ct)))
            .WithName("ListRuleSets")
            .WithSummary("Every registered rule set version, its fingerprint and its parameters.");
        group.MapGet("/{version}", async Task<IResult> (string version, RuleSetLookup lookup, CancellationToken ct) =>
                await lookup.Find(version, ct) is { } found
                    ? TypedResults.Ok(found)
                    : ProblemResults.From(Rejection.NotFound($"No rule set is registered as '{version}'.")))
            .WithName("GetRuleSet")
            .WithSummary("The parameters behind a decision's ruleSetVersion.");
        return app;
    }
}

/// <summary>Reads the registered rule sets (<see cref="RuleSetRegistry.Table"/> in the events schema).</summary>
public sealed class RuleSetLookup(NpgsqlDataSource db, EventRows rows)
{
    public Task<IReadOnlyList<RegisteredRuleSet>> All(CancellationToken ct) => Read(null, ct);

    public async Task<RegisteredRuleSet?> Find(string version, CancellationToken ct) =>
        (await Read(version, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<RegisteredRuleSet>> Read(string? version, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            $"""
             select version, fingerprint, parameters::text, registered_by, registered_at
             from {rows.EventsSchema}.{RuleSetRegistry.Table}
             where $1::text is null or version = $1
             order by registered_at, version
             """);
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)version ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var found = new List<RegisteredRuleSet>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                using var parameters = JsonDocument.Parse(reader.GetString(2));
                found.Add(new RegisteredRuleSet(
                    reader.GetString(0), reader.GetString(1), parameters.RootElement.Clone(), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4)));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The table appears when the first service that decides anything starts; until then nothing is registered.
            return [];
        }

        return found;
    }
}
