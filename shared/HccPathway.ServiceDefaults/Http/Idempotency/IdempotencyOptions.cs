namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>The <c>Idempotency</c> configuration section (docs/api/idempotency.md).</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a recorded response is replayed for its key; after that the key may be used again.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired keys are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);
}
