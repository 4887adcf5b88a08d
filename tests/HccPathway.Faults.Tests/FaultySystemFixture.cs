using HccPathway.Faults.Tests.Harness;

namespace HccPathway.Faults.Tests;

/// <summary>One private system for the fault tests of a class; each test leaves it running.</summary>
public sealed class FaultySystemFixture : IAsyncLifetime
{
    public FaultySystem System { get; private set; } = null!;

    // Intake's daemons look for new events at most once a second under load (250 ms by default), so that during a load
    // some committed events are always still to be relayed: the moment the SIGKILL test kills it in.
    public async Task InitializeAsync() => System = await FaultySystem.Start(("Pathway__DaemonWakeupInterval", "00:00:01"));

    public async Task DisposeAsync() => await System.DisposeAsync();
}
