using HccPathway.ServiceDefaults.EventStore;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.Foundation.Tests.EventStore;

public sealed class SchemaOnStartTests
{
    private const string Service = "schema-test";

    public sealed class Note
    {
        public Guid Id { get; set; }

        public string Text { get; set; } = "";
    }

    [Fact]
    public async Task A_start_trusts_the_stamp_of_the_schema_it_applied_unless_fingerprinting_is_off()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        await (await Start(infrastructure, schemas)).StopAndDispose();
        var index = await Scalar<string>(infrastructure,
            $"select indexname::text from pg_indexes where schemaname = '{schemas.DocumentsOf(Service)}' and indexname like '%idx_text'");
        await Execute(infrastructure, $"drop index {schemas.DocumentsOf(Service)}.{index}");

        await (await Start(infrastructure, schemas)).StopAndDispose();
        var afterTrustedStart = await IndexCount(infrastructure, schemas, index);
        await (await Start(infrastructure, schemas, fingerprinting: false)).StopAndDispose();
        var afterFullStart = await IndexCount(infrastructure, schemas, index);

        Assert.Equal(0, afterTrustedStart);
        Assert.Equal(1, afterFullStart);
    }

    [Fact]
    public async Task A_schema_dropped_by_hand_is_created_again_on_the_next_start()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        await (await Start(infrastructure, schemas)).StopAndDispose();
        await Execute(infrastructure, $"drop schema {schemas.DocumentsOf(Service)} cascade; drop schema {schemas.Events} cascade");

        using var again = await Start(infrastructure, schemas);
        await Store(again);

        Assert.Equal(1L, await Scalar<long>(infrastructure,
            $"select count(*) from information_schema.tables where table_schema = '{schemas.Events}' and table_name = 'mt_events'"));
    }

    private static async Task<IHost> Start(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, bool fingerprinting = true)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["Pathway:EventsSchema"] = schemas.Events,
            ["Pathway:DocumentsSchema"] = schemas.DocumentsOf(Service),
            [PathwayEventStore.SchemaFingerprintingKey] = fingerprinting ? "true" : "false",
        });
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPathwayEventStore(Service, o => o.Schema.For<Note>().Index(n => n.Text));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>A document written and an event appended: both schemas' tables are there.</summary>
    private static async Task Store(IHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession("*DEFAULT*");
        session.Store(new Note { Id = Guid.NewGuid() });
        session.Events.StartStream(Guid.NewGuid(), new Note { Id = Guid.NewGuid() });
        await session.SaveChangesAsync();
    }

    private static Task<long> IndexCount(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string index) =>
        Scalar<long>(infrastructure, $"select count(*) from pg_indexes where schemaname = '{schemas.DocumentsOf(Service)}' and indexname = '{index}'");

    private static async Task<T> Scalar<T>(InfrastructureEndpoints infrastructure, string sql)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(InfrastructureEndpoints infrastructure, string sql)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal static class HostExtensions
{
    public static async Task StopAndDispose(this IHost host)
    {
        await host.StopAsync();
        host.Dispose();
    }
}
