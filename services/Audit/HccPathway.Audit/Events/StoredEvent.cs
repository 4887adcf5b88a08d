using HccPathway.Contracts;

namespace HccPathway.Audit.Events;

/// <summary>
/// One row of the shared event table exactly as stored: the audit service reads rows, not Marten's deserialised
/// events, so that an event of a type it does not know is still shown, and so that hashes cover what is stored.
/// </summary>
/// <param name="Data">The event body as PostgreSQL returns the jsonb (a canonical text for the same value).</param>
/// <param name="Headers">The jsonb headers, or null.</param>
public sealed record StoredEvent(
    long Sequence,
    Guid Id,
    Guid StreamId,
    long Version,
    string Name,
    string? DotNetType,
    string Data,
    DateTimeOffset Timestamp,
    string? TenantId,
    string? CorrelationId,
    string? CausationId,
    string? Headers,
    string? UserName)
{
    /// <summary>The contract of this stored name, or null for a type this build does not know.</summary>
    public EventContract? Contract => EventNames.Find(Name);

    /// <summary>The owning service, from the catalog; "unknown" for a type this build does not know.</summary>
    public string Owner => Contract?.Owner ?? EventNames.UnknownOwner;
}
