using System.Net.Http.Headers;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Testing;

/// <summary>
/// Hosts one service in-process against the run's real PostgreSQL and RabbitMQ, in schemas of its own, so each
/// test class starts from an empty event store.
/// </summary>
public class PathwayServiceFactory<TProgram>(
    InfrastructureEndpoints infrastructure,
    IsolatedSchemas schemas,
    string service,
    Uri? rabbitMqOverride = null,
    IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    public InfrastructureEndpoints Infrastructure => infrastructure;

    public IsolatedSchemas Schemas => schemas;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:pathway", infrastructure.Postgres);
        builder.UseSetting("ConnectionStrings:messaging", (rabbitMqOverride ?? infrastructure.RabbitMq).ToString());
        builder.UseSetting("Pathway:EventsSchema", schemas.Events);
        builder.UseSetting("Pathway:DocumentsSchema", schemas.DocumentsOf(service));
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        // Consumer queues must be bound before a test publishes to them.
        builder.ConfigureServices(s => s.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }

    /// <summary>An HTTP client carrying a bearer token for <paramref name="role"/>, of <paramref name="hospital"/> when given.</summary>
    public HttpClient ClientAs(string role, string subject = "test-user", string? hospital = null)
    {
        var client = CreateClient();
        var token = TokenIssuer.Issue(
            new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey }, subject, [role], DateTimeOffset.UtcNow, hospital);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}

/// <summary>Fresh schema names for one test class: the shared events schema and one documents schema per service.</summary>
public sealed record IsolatedSchemas(string Suffix)
{
    public static IsolatedSchemas New() => new(Guid.NewGuid().ToString("N")[..10]);

    public string Events => $"ev_{Suffix}";

    public string DocumentsOf(string service) => $"{service.Replace('-', '_')}_{Suffix}";
}
