using Microsoft.Extensions.Logging;
using Quartz;

namespace HccPathway.ServiceDefaults.Deadlines;

/// <summary>
/// The Quartz job that runs the service's <see cref="IDeadlineSweep"/>. Not concurrent: in the clustered store a
/// firing is taken by one replica, and a second firing waits until the first is done, across the cluster.
/// </summary>
[DisallowConcurrentExecution]
public sealed partial class DeadlineSweepJob(IDeadlineSweep sweep, DeadlineSweepRuns runs, ILogger<DeadlineSweepJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            LogSwept(logger, await sweep.Run(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failed sweep loses nothing: the next firing finds the same deadlines.
            LogSweepFailed(logger, ex);
        }
        finally
        {
            runs.Finished();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline sweep appended {Appended} event(s).")]
    private static partial void LogSwept(ILogger logger, int appended);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline sweep failed; retrying at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
