namespace HccPathway.Scheduling.Subscriptions;

/// <summary>
/// A topic-based FHIR subscription of one hospital (the document's tenant). <see cref="EventsSinceStart"/> is the
/// number given to the last event queued for it; it only ever grows by one per event, in the same transaction as the
/// queued notification, and the document uses optimistic concurrency so two writers can never hand out one number twice.
/// </summary>
public sealed record PlanSubscription
{
    public Guid Id { get; init; }

    public string Hospital { get; init; } = "";

    public required string Topic { get; init; }

    /// <summary>Only this pathway's items (filter <c>patient=Patient/{id}</c>); null = every pathway of the hospital.</summary>
    public Guid? PathwayId { get; init; }

    public required string Endpoint { get; init; }

    /// <summary>Channel headers ("Name: value"), sent with every notification; typically a bearer token.</summary>
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary><c>id-only</c> or <c>full-resource</c>.</summary>
    public required string Content { get; init; }

    public int? HeartbeatSeconds { get; init; }

    public string? Reason { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public long EventsSinceStart { get; init; }

    /// <summary>Marten's optimistic concurrency version.</summary>
    public Guid Version { get; init; }

    public static class Contents
    {
        public const string IdOnly = "id-only";
        public const string FullResource = "full-resource";
        public static readonly string[] All = [IdOnly, FullResource];
    }
}

/// <summary>
/// How delivery to one subscription is going. Written only by the delivery worker, apart from the subscription, so a
/// failing receiver never makes the consumer's numbering retry.
/// </summary>
public sealed record SubscriptionDeliveryState
{
    public Guid Id { get; init; }

    public string Hospital { get; init; } = "";

    /// <summary>R4 Subscription.status: <c>active</c>, or <c>error</c> while the endpoint fails.</summary>
    public string Status { get; init; } = "active";

    /// <summary>When a notification or heartbeat last reached the endpoint; heartbeats count their period from it.</summary>
    public DateTimeOffset LastSentAt { get; init; }

    public string? LastError { get; init; }
}
