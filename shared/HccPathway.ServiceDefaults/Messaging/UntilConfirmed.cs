namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>
/// The relay's retry rule: a publish is tried until the broker confirms it, and only the relay's own stop ends the
/// trying. The transport cancels a publish whose connection closes under it (a broker shutting down closes every
/// connection while confirms are pending); that cancellation is a failed publish like any other. Were it let through
/// as if the relay were stopping, the daemon would swallow it and go on with later pages, skipping this one for good.
/// An attempt that gets no answer within <see cref="AttemptTimeout"/> is cancelled and tried again: a confirm that
/// never comes would otherwise hold the relay's page, and every page behind it, for as long as the process lives.
/// </summary>
public static class UntilConfirmed
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(30);

    public static async Task Publish(
        Func<CancellationToken, Task> publish, Action<int, TimeSpan, Exception> onFailure, CancellationToken stopping,
        TimeSpan? attemptTimeout = null)
    {
        var delay = FirstDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var attemptLimit = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                attemptLimit.CancelAfter(attemptTimeout ?? AttemptTimeout);
                await publish(attemptLimit.Token).WaitAsync(attemptLimit.Token);
                return;
            }
            catch (Exception ex) when (!stopping.IsCancellationRequested)
            {
                onFailure(attempt, delay, ex);
                await Task.Delay(delay, stopping);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxDelay.Ticks));
            }
        }
    }
}
