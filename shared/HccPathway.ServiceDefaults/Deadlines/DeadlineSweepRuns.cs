namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// How many sweeps this replica has finished since it started, and a task that completes with the first: a host
/// (or a test) can wait for the start-up sweep to be done before it relies on what it appended.
/// </summary>
public sealed class DeadlineSweepRuns
{
    private readonly TaskCompletionSource first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int completed;

    public int Completed => Volatile.Read(ref completed);

    public Task First => first.Task;

    internal void Finished()
    {
        Interlocked.Increment(ref completed);
        first.TrySetResult();
    }
}
