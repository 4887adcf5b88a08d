namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// A service's deadline sweep: appends an event for every deadline whose day has passed and that has none yet, each
/// once, with a deterministic event id. The deadlines themselves are durable (rows written with the events), so a
/// sweep after any downtime catches up on all of them. <see cref="DeadlineScheduling"/> runs it.
/// </summary>
public interface IDeadlineSweep
{
    /// <summary>Sweeps once; the number of events appended.</summary>
    Task<int> Run(CancellationToken cancellation);
}
