namespace HccPathway.Scheduling.Subscriptions;

/// <summary>FHIR subscription delivery policy, bound from <c>Scheduling:Subscriptions</c>.</summary>
public sealed record SubscriptionOptions
{
    public const string Section = "Scheduling:Subscriptions";

    /// <summary>
    /// The service's public base: topic canonical URLs, Subscription and Appointment references are under
    /// <c>{PublicBaseUrl}/fhir</c>. Canonical URLs identify topics; a subscriber copies them from GET /fhir/SubscriptionTopic.
    /// </summary>
    public Uri PublicBaseUrl { get; init; } = new("https://scheduling.hccpathway.local");

    /// <summary>Wait after the first failed attempt; each further failure doubles it, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait between two attempts: a receiver that is down for hours is tried at least this often.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one POST may take before it counts as failed (and is retried).</summary>
    public TimeSpan DeliveryTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the delivery worker looks for due notifications and heartbeats when it has nothing to send.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The shortest heartbeat period a subscriber may ask for, in seconds. Heartbeats are checked once per poll, so a
    /// shorter one could not be kept.
    /// </summary>
    public int MinHeartbeatSeconds { get; init; } = 1;

    public string FhirBase => $"{PublicBaseUrl.ToString().TrimEnd('/')}/fhir";

    /// <summary>The wait before attempt <paramref name="failures"/> + 1: first delay × 2^(failures − 1), at most the max.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var exponent = Math.Min(Math.Max(failures - 1, 0), 30);
        var delay = FirstRetryDelay * Math.Pow(2, exponent);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }
}
