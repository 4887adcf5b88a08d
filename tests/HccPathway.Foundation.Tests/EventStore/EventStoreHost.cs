using HccPathway.ServiceDefaults.EventStore;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.Foundation.Tests.EventStore;

/// <summary>A started host with the pathway event store as a service registers it, on isolated schemas.</summary>
internal static class EventStoreHost
{
    public static async Task<IHost> Start(
        InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string service,
        Action<StoreOptions>? documents = null, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["Pathway:EventsSchema"] = schemas.Events,
            ["Pathway:DocumentsSchema"] = schemas.DocumentsOf(service),
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPathwayEventStore(service, documents);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public static async Task StopAndDispose(this IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }

    public static async Task<T> Scalar<T>(InfrastructureEndpoints infrastructure, string sql)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public static async Task Execute(InfrastructureEndpoints infrastructure, string sql)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
