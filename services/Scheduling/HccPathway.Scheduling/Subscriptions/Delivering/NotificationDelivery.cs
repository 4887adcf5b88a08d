using System.Security.Cryptography;
using System.Text;
using HccPathway.Scheduling.Subscriptions.Notifying;
using HccPathway.ServiceDefaults;
using Marten;

namespace HccPathway.Scheduling.Subscriptions.Delivering;

/// <summary>
/// Delivers the persisted queues. Each (subscription, pathway) is a lane: only its lowest-numbered notification may be
/// sent, so a notification that keeps failing holds back the later ones of its pathway and of no other. A failure
/// reschedules the notification (first delay × 2^(failures − 1), at most the max); success deletes it. Everything is
/// in PostgreSQL, so a restart resumes where the last one stopped, with the back-off it had. One replica delivers at a
/// time (an advisory lock), so a notification is not sent twice in parallel; it may be sent again after a crash
/// between the POST and the delete, which the receiver recognises by its event-number.
/// </summary>
public sealed partial class NotificationDelivery(
    IDocumentStore store, RestHookSender sender, SubscriptionOptions options, TimeProvider clock, IConfiguration configuration,
    ILogger<NotificationDelivery> logger)
    : BackgroundService
{
    /// <summary>Due notifications read per round; lanes beyond them wait for the next round.</summary>
    private const int RoundSize = 500;

    private const int ParallelLanes = 16;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.RequireConnectionString("pathway");
        var key = BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{store.Options.DatabaseSchemaName}/subscription-delivery"))[..8]);
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                await using var election = await DeliveryElection.TryWin(connectionString, key, stoppingToken);
                if (election is not null)
                {
                    busy = await DeliverDue(stoppingToken);
                    await SendHeartbeats(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // Nothing is lost: the queue is unchanged for what did not complete, and the next round reads it again.
                LogRoundFailed(e.GetType().Name);
            }

            if (!busy)
            {
                await Task.Delay(options.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: the deliverable head of each lane, sent in parallel. True when something was delivered.</summary>
    private async Task<bool> DeliverDue(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var due = await query.Query<PendingNotification>()
            .Where(n => n.AnyTenant() && n.NextAttemptAt <= now)
            .OrderBy(n => n.EventNumber)
            .Take(RoundSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return false;
        }

        var subscriptions = await Subscriptions(query, due.Select(n => n.SubscriptionId).Distinct().ToArray(), ct);
        var heads = new List<PendingNotification>();
        foreach (var head in due.GroupBy(n => (n.SubscriptionId, n.PathwayId)).Select(lane => lane.MinBy(n => n.EventNumber)!))
        {
            // An earlier notification of the lane that is waiting out its back-off blocks this one.
            var blocked = await query.Query<PendingNotification>().AnyAsync(
                n => n.AnyTenant() && n.SubscriptionId == head.SubscriptionId && n.PathwayId == head.PathwayId && n.EventNumber < head.EventNumber, ct);
            if (!blocked)
            {
                heads.Add(head);
            }
        }

        var delivered = 0;
        await Parallel.ForEachAsync(heads, new ParallelOptions { MaxDegreeOfParallelism = ParallelLanes, CancellationToken = ct }, async (n, token) =>
        {
            if (await Deliver(n, subscriptions.GetValueOrDefault(n.SubscriptionId), token))
            {
                Interlocked.Increment(ref delivered);
            }
        });
        return delivered > 0;
    }

    private async Task<bool> Deliver(PendingNotification n, (PlanSubscription Subscription, SubscriptionDeliveryState State)? target, CancellationToken ct)
    {
        await using var session = store.LightweightSession(n.Hospital);
        if (target is not ({ } subscription, var state))
        {
            // The subscription was deleted after the notification was read.
            session.Delete(n);
            await session.SaveChangesAsync(ct);
            return false;
        }

        var error = await sender.Send(subscription, NotificationBundle.EventNotification(subscription, "active", n, options, clock.GetUtcNow()), ct);
        var now = clock.GetUtcNow();
        if (error is null)
        {
            session.Delete(n);
            session.Store(state with { Status = "active", LastSentAt = now, LastError = null });
        }
        else
        {
            var failures = n.FailedAttempts + 1;
            session.Store(n with { FailedAttempts = failures, NextAttemptAt = now + options.RetryDelay(failures), LastError = error });
            session.Store(state with { Status = "error", LastError = error });
            LogDeliveryFailed(subscription.Id, n.EventNumber, failures, error);
        }

        await session.SaveChangesAsync(ct);
        return error is null;
    }

    /// <summary>A heartbeat to each idle subscription whose period has passed since the last thing sent to it.</summary>
    private async Task SendHeartbeats(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var query = store.QuerySession();
        var withHeartbeat = await query.Query<PlanSubscription>().Where(s => s.AnyTenant() && s.HeartbeatSeconds != null).ToListAsync(ct);
        if (withHeartbeat.Count == 0)
        {
            return;
        }

        var queued = (await query.Query<PendingNotification>().Where(n => n.AnyTenant()).Select(n => n.SubscriptionId).Distinct().ToListAsync(ct)).ToHashSet();
        var subscriptions = await Subscriptions(query, withHeartbeat.Where(s => !queued.Contains(s.Id)).Select(s => s.Id).ToArray(), ct);
        foreach (var (subscription, state) in subscriptions.Values)
        {
            if (state.LastSentAt.AddSeconds(subscription.HeartbeatSeconds!.Value) > now)
            {
                continue;
            }

            var error = await sender.Send(subscription, NotificationBundle.Heartbeat(subscription, state.Status, options, now), ct);
            await using var session = store.LightweightSession(subscription.Hospital);

            // A missed heartbeat is not queued: the next period sends a new one.
            session.Store(state with { LastSentAt = clock.GetUtcNow(), Status = error is null ? state.Status : "error", LastError = error ?? state.LastError });
            await session.SaveChangesAsync(ct);
        }
    }

    private static async Task<Dictionary<Guid, (PlanSubscription, SubscriptionDeliveryState)>> Subscriptions(IQuerySession query, Guid[] ids, CancellationToken ct)
    {
        var subscriptions = await query.Query<PlanSubscription>().Where(s => s.AnyTenant() && s.Id.IsOneOf(ids)).ToListAsync(ct);
        var states = (await query.Query<SubscriptionDeliveryState>().Where(s => s.AnyTenant() && s.Id.IsOneOf(ids)).ToListAsync(ct)).ToDictionary(s => s.Id);
        return subscriptions.ToDictionary(
            s => s.Id,
            s => (s, states.GetValueOrDefault(s.Id) ?? new SubscriptionDeliveryState { Id = s.Id, Hospital = s.Hospital, LastSentAt = s.CreatedAt }));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A subscription delivery round failed: {Error}; the queue is read again next round.")]
    private partial void LogRoundFailed(string error);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Notification {EventNumber} of subscription {SubscriptionId} failed (attempt {Attempt}): {Error}; retried after back-off.")]
    private partial void LogDeliveryFailed(Guid subscriptionId, long eventNumber, int attempt, string error);
}
