using HccPathway.ServiceDefaults.EventStore;
using HccPathway.Testing;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace HccPathway.Foundation.Tests.EventStore;

/// <summary>
/// Services append to the same pathway at the same moment. The losers of such a race must fail without drawing
/// sequence numbers: a number drawn by a rolled-back append is a gap every daemon waits at.
/// </summary>
public sealed class ConcurrentAppendTests
{
    private const string Service = "append-race-test";
    private const int Rounds = 20;
    private const int Contenders = 8;

    public sealed record Counted(int Round, int Contender);

    public sealed class Tally
    {
        public int Count { get; set; }

        public void Apply(Counted _) => Count++;
    }

    [Fact]
    public async Task Appends_that_lose_a_version_race_leave_no_gap_in_the_event_sequence()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        using var host = await EventStoreHost.Start(infrastructure, schemas, Service);
        var store = host.Services.GetRequiredService<IDocumentStore>();
        var pathway = Guid.NewGuid();
        await using (var session = store.LightweightSession("*DEFAULT*"))
        {
            session.Events.StartStream<Tally>(pathway, new Counted(0, 0));
            await session.SaveChangesAsync();
        }

        var (won, lost) = (0, 0);
        for (var round = 1; round <= Rounds; round++)
        {
            var outcomes = await Task.WhenAll(Enumerable.Range(1, Contenders).Select(c => Append(store, pathway, round, c)));
            won += outcomes.Count(o => o);
            lost += outcomes.Count(o => !o);
        }

        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select count(*), max(seq_id), (select last_value from {schemas.Events}.mt_events_sequence) from {schemas.Events}.mt_events",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (events, highest, drawn) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));

        Assert.True(won >= Rounds, $"{won} appends won");
        Assert.True(lost > 0, "no append lost a race, so nothing was tested");
        Assert.Equal(won + 1, events);
        Assert.Equal(events, highest);
        Assert.Equal(highest, drawn);
    }

    private static async Task<bool> Append(IDocumentStore store, Guid pathway, int round, int contender)
    {
        await using var session = store.LightweightSession("*DEFAULT*");
        try
        {
            var stream = await session.Events.FetchForWriting<Tally>(pathway);
            stream.AppendOne(new Counted(round, contender));
            await session.SaveChangesAsync();
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }
}
