using HccPathway.Faults.Tests.Harness;

namespace HccPathway.Faults.Tests;

/// <summary>One private system for the fault tests of a class; each test leaves it running.</summary>
public sealed class FaultySystemFixture : IAsyncLifetime
{
    public FaultySystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await FaultySystem.Start();

    public async Task DisposeAsync() => await System.DisposeAsync();
}
