using System.Diagnostics;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static HccPathway.Foundation.Tests.EventStore.ConcurrentAppendTests;

namespace HccPathway.Foundation.Tests.EventStore;

/// <summary>
/// The database round trips of the one write step (<see cref="PathwayAppend"/>), counted rather than timed, so that the
/// command path cannot silently grow again (issue 24; tests/HccPathway.Benchmarks/results/2026-12-07-profile.md).
/// </summary>
public sealed class WriteRoundTripTests(ITestOutputHelper output)
{
    /// <summary>
    /// A write without an expected version: (1) BEGIN, the stream's row lock, its version and its events, one batch;
    /// (2) the events, the stream's new version and the append notification, one batch; (3) COMMIT. Three is the floor
    /// for a write that decides on the state it locked: the lock is held while the decider runs in the service, between
    /// two round trips, and the COMMIT cannot join the batch before it. Before issue 24 it was four (the lock was a
    /// round trip of its own).
    /// </summary>
    public const int LockedWriteBudget = 3;

    private const string Service = "write-round-trip-test";

    [Fact]
    public async Task A_locked_write_takes_at_most_three_round_trips_and_names_no_other_query()
    {
        using var trips = new DatabaseRoundTrips();
        var host = await EventStoreHost.Start(
            await Infrastructure.GetAsync(), IsolatedSchemas.New(), Service,
            options => options.Listeners.Add(trips.Commits));
        try
        {
            var store = host.Services.GetRequiredService<IDocumentStore>();
            var pathway = Guid.NewGuid();
            await using (var start = store.LightweightSession("*DEFAULT*"))
            {
                start.Events.StartStream<Tally>(pathway, new Counted(0, 0));
                await start.SaveChangesAsync();
            }

            // The first write of a process checks the schema; a long-running service has done so.
            await Write(store, pathway);

            var trace = DatabaseRoundTrips.NewTrace();
            using (new Activity("write").SetParentId(trace, ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded).Start())
            {
                var decided = await Write(store, pathway);
                Assert.Equal(3, decided.Version);
            }

            var sent = trips.Of(trace);
            foreach (var trip in sent)
            {
                output.WriteLine(trip);
            }

            Assert.Equal("COMMIT", sent[^1]);
            Assert.Contains("for update", sent[0], StringComparison.OrdinalIgnoreCase);
            Assert.InRange(sent.Count, 1, LockedWriteBudget);
        }
        finally
        {
            await host.StopAndDispose();
        }
    }

    private static async Task<Decided> Write(IDocumentStore store, Guid pathway)
    {
        await using var session = store.LightweightSession("*DEFAULT*");
        var decided = await PathwayAppend.Decide<Tally>(
            session, pathway, null, (tally, _) => Task.FromResult(Decision.Append(new Counted(tally.Count + 1, 1))), CancellationToken.None);
        await session.SaveChangesAsync();
        return decided;
    }
}
