using System.Text.Json.Nodes;
using HccPathway.Audit.Events;
using HccPathway.Audit.Privacy;
using HccPathway.Contracts.Intake;

namespace HccPathway.Audit.History;

/// <summary>One event of a pathway's history, with everything the record says about it.</summary>
/// <param name="Name">The stored name (<c>scheduling.tace-performed.v1</c>).</param>
/// <param name="Type">The contract type, or null when this build does not know the stored name.</param>
/// <param name="Owner">The service that owns (and alone writes) the event type, from the catalog.</param>
/// <param name="User">Who caused it: the token subject, or the consumer that reacted to a message.</param>
public sealed record HistoryEntry(
    long Version,
    long Sequence,
    Guid EventId,
    string Name,
    string? Type,
    string Owner,
    DateTimeOffset RecordedAt,
    string? User,
    string? CorrelationId,
    string? CausationId,
    RawJson Data,
    RawJson? Headers)
{
    private static readonly string PatientRegisteredName = EventNames.NameOf<PatientRegistered>();

    public static HistoryEntry From(StoredEvent e, bool discloseIdentity) => new(
        e.Version,
        e.Sequence,
        e.Id,
        e.Name,
        e.Contract?.Type.Name,
        e.Owner,
        e.Timestamp,
        e.UserName,
        e.CorrelationId,
        e.CausationId,
        Body(e, discloseIdentity),
        e.Headers is null ? null : new RawJson(e.Headers));

    /// <summary>The body as stored; only a registration is parsed, to redact the identity it carries.</summary>
    private static RawJson Body(StoredEvent e, bool discloseIdentity)
    {
        if (discloseIdentity || e.Name != PatientRegisteredName || JsonNode.Parse(e.Data) is not JsonObject registration)
        {
            return new RawJson(e.Data);
        }

        foreach (var key in registration.Select(p => p.Key)
                     .Where(k => k.Equals(nameof(PatientRegistered.Identity), StringComparison.OrdinalIgnoreCase)).ToList())
        {
            registration[key] = IdentityDisclosure.Redacted;
        }

        return new RawJson(registration.ToJsonString());
    }
}

/// <summary>One page of a pathway's history, oldest first.</summary>
/// <param name="StreamVersion">The pathway's current version, whatever the filter.</param>
public sealed record HistoryPage(
    Guid PathwayId, long StreamVersion, long Total, int Page, int PageSize, IReadOnlyList<HistoryEntry> Items);
