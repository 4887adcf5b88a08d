using System.Net.Http.Headers;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HccPathway.Audit.Tests.Support;

/// <summary>
/// The Audit service in-process against real PostgreSQL (schemas of its own) and real RabbitMQ. The other services are
/// not running: tests append their events to the stream directly, as those services would.
/// </summary>
public class AuditService : IAsyncLifetime
{
    public PathwayServiceFactory<AuditApi> Factory { get; private set; } = null!;

    public IDocumentStore Store => Factory.Services.GetRequiredService<IDocumentStore>();

    public string EventsSchema => Factory.Schemas.Events;

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        Factory = new PathwayServiceFactory<AuditApi>(infrastructure, IsolatedSchemas.New(), AuditApi.ServiceName, settings: Settings());
        _ = Factory.Server;
    }

    public virtual Task DisposeAsync() => Factory.DisposeAsync().AsTask();

    /// <summary>Configuration of the service beyond its database and broker.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings() => null;

    /// <summary>The schema of the audit service's own documents (seals, chain heads, read log).</summary>
    public string DocumentsSchema => Factory.Schemas.DocumentsOf(AuditApi.ServiceName);

    public HttpClient Auditor(string subject = "auditor-1") => Factory.ClientAs(Roles.Auditor, subject);

    /// <summary>An auditor whose token also carries the explicit permission to see the patient's identity.</summary>
    public HttpClient AuditorWithIdentityPermission(string subject = "auditor-phi")
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.WithClaims(subject, Roles.Auditor, ("phi", "read")));
        return client;
    }

    /// <summary>Appends the story one step per transaction, each with its user and its own correlation id.</summary>
    /// <param name="hospital">The hospital (Marten tenant) the pathway belongs to; the default hospital when null.</param>
    public async Task<Guid> Record(Story story, int steps = int.MaxValue, string? hospital = null)
    {
        var first = true;
        foreach (var (user, events) in story.Steps().Take(steps))
        {
            await AppendIn(hospital, story.PathwayId, user, first, events);
            first = false;
        }

        return story.PathwayId;
    }

    public Task Append(Guid pathwayId, string user, bool start, params object[] events) =>
        AppendIn(null, pathwayId, user, start, events);

    private async Task AppendIn(string? hospital, Guid pathwayId, string user, bool start, object[] events)
    {
        await using var session = hospital is null ? Store.LightweightSession() : Store.LightweightSession(hospital);
        session.LastModifiedBy = user;
        session.CorrelationId = Guid.NewGuid().ToString("N");
        if (start)
        {
            session.Events.StartStream(pathwayId, events);
        }
        else
        {
            session.Events.Append(pathwayId, events);
        }

        await session.SaveChangesAsync();
    }

    /// <summary>
    /// Runs SQL against this test class's own schemas (<c>{events}</c> is replaced by the events schema, <c>{docs}</c> by
    /// the audit documents schema); returns the rows affected.
    /// </summary>
    public async Task<int> Sql(string sql, params object[] parameters)
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Schemas(sql), connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> Scalar<T>(string sql, params object[] parameters)
    {
        var infrastructure = await Infrastructure.GetAsync();
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Schemas(sql), connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private string Schemas(string sql) =>
        sql.Replace("{events}", EventsSchema, StringComparison.Ordinal).Replace("{docs}", DocumentsSchema, StringComparison.Ordinal);
}
