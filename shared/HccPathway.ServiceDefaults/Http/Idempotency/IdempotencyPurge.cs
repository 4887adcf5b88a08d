using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>Deletes idempotency records whose window has passed, so the table holds one window of keys.</summary>
internal sealed partial class IdempotencyPurge(
    IDocumentStore store, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyPurge> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The first purge waits one interval: at start-up the schema may still be being applied, and lookups
        // already ignore expired keys.
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = clock.GetUtcNow();
                await using var session = store.LightweightSession();
                session.DeleteWhere<IdempotencyRecord>(r => r.ExpiresAt <= now);
                await session.SaveChangesAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A missed purge only keeps expired keys longer.
                LogPurgeFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired idempotency keys failed; retrying at the next interval.")]
    private static partial void LogPurgeFailed(ILogger logger, Exception exception);
}
