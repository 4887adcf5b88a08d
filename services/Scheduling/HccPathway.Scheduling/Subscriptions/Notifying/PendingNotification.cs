namespace HccPathway.Scheduling.Subscriptions.Notifying;

/// <summary>
/// One event queued for one subscription, until the receiver accepts it (then the document is deleted). What the
/// notification needs is copied in, so a retry sends the same content however the plan has moved on.
/// </summary>
public sealed record PendingNotification
{
    /// <summary>"{subscription}/{event number}": the event number is unique per subscription.</summary>
    public required string Id { get; init; }

    public string Hospital { get; init; } = "";

    public Guid SubscriptionId { get; init; }

    /// <summary>The subscription's eventsSinceSubscriptionStart for this event (1, 2, 3, …).</summary>
    public long EventNumber { get; init; }

    public Guid PathwayId { get; init; }

    /// <summary>The event id (the bus message id): a receiver may deduplicate by it.</summary>
    public Guid EventId { get; init; }

    public required string Topic { get; init; }

    public required string ItemId { get; init; }

    public required string ItemType { get; init; }

    public required string Drug { get; init; }

    public DateOnly DueOn { get; init; }

    public DateTimeOffset OccurredAt { get; init; }

    public int FailedAttempts { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public string? LastError { get; init; }

    public static string IdOf(Guid subscriptionId, long eventNumber) => $"{subscriptionId:N}/{eventNumber}";
}
