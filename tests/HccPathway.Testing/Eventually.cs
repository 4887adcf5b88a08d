namespace HccPathway.Testing;

/// <summary>Waits for something asynchronous (a relay, a projection, a consumer) with a deadline, never a fixed sleep.</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T?>> probe, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what ?? "a condition"}.");
            }

            await Task.Delay(50);
        }
    }

    public static Task True(Func<Task<bool>> probe, TimeSpan? timeout = null, string? what = null) =>
        Get<object>(async () => await probe() ? true : null, timeout, what);
}
