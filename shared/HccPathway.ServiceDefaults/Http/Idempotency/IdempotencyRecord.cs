namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>
/// The response a command gave for one caller's <c>Idempotency-Key</c> on one endpoint. It is stored on the request's
/// session next to the appended events, so both commit or neither does. <see cref="Id"/> is unique: of two concurrent
/// requests with the same key only one can commit.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>A hash of the caller, the endpoint and the key; the raw key is never stored.</summary>
    public string Id { get; set; } = "";

    /// <summary>A hash of what was asked (path, query, If-Match, body): a retry must ask the same.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>The endpoint, as method and route pattern, for diagnosis.</summary>
    public string Endpoint { get; set; } = "";

    public int Status { get; set; }

    public string Body { get; set; } = "";

    public string? ETag { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }
}
