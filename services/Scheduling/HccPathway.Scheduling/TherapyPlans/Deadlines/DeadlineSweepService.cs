using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;
using Microsoft.Extensions.Logging;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// Runs <see cref="DeadlineSweep"/> every <see cref="SchedulingOptions.DeadlineSweepInterval"/> on every replica; the
/// election lets one of them sweep each time. The timer is only the trigger: the deadlines are rows in the database,
/// so a sweep after a restart catches up on every window that passed while the service was down.
/// </summary>
public sealed partial class DeadlineSweepService(
    IDocumentStore store, TimeProvider clock, HospitalClock hospitalClock, ClinicalRuleSet rules, SchedulingOptions options, IConfiguration configuration,
    ILoggerFactory loggers)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweep = new DeadlineSweep(store, hospitalClock, rules, configuration.RequireConnectionString("pathway"), loggers.CreateLogger<DeadlineSweep>());
        var logger = loggers.CreateLogger<DeadlineSweepService>();

        // The first sweep waits one interval, as the idempotency purge does: at start-up the schema may still be being applied.
        using var timer = new PeriodicTimer(options.DeadlineSweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await sweep.Run(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A failed sweep loses nothing: the next one finds the same rows.
                LogSweepFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline sweep (SCHED-DUE) failed; retrying at the next interval.")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
