using HccPathway.ServiceDefaults.EventStore;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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
        var index = await EventStoreHost.Scalar<string>(infrastructure,
            $"select indexname::text from pg_indexes where schemaname = '{schemas.DocumentsOf(Service)}' and indexname like '%idx_text'");
        await EventStoreHost.Execute(infrastructure, $"drop index {schemas.DocumentsOf(Service)}.{index}");

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
        await EventStoreHost.Execute(infrastructure, $"drop schema {schemas.DocumentsOf(Service)} cascade; drop schema {schemas.Events} cascade");

        using var again = await Start(infrastructure, schemas);
        await Store(again);

        Assert.Equal(1L, await EventStoreHost.Scalar<long>(infrastructure,
            $"select count(*) from information_schema.tables where table_schema = '{schemas.Events}' and table_name = 'mt_events'"));
    }

    private static Task<IHost> Start(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, bool fingerprinting = true) =>
        EventStoreHost.Start(infrastructure, schemas, Service, o => o.Schema.For<Note>().Index(n => n.Text),
            (PathwayEventStore.SchemaFingerprintingKey, fingerprinting ? "true" : "false"));

    /// <summary>A document written and an event appended: both schemas' tables are there.</summary>
    private static async Task Store(IHost host)
    {
        await using var session = host.Services.GetRequiredService<IDocumentStore>().LightweightSession("*DEFAULT*");
        session.Store(new Note { Id = Guid.NewGuid() });
        session.Events.StartStream(Guid.NewGuid(), new Note { Id = Guid.NewGuid() });
        await session.SaveChangesAsync();
    }

    private static Task<long> IndexCount(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string index) =>
        EventStoreHost.Scalar<long>(infrastructure, $"select count(*) from pg_indexes where schemaname = '{schemas.DocumentsOf(Service)}' and indexname = '{index}'");
}
