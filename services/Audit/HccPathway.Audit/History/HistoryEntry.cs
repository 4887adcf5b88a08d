using System.Text.Json;
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
    JsonNode? Data,
    JsonNode? Headers)
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
        e.Headers is null ? null : JsonNode.Parse(e.Headers));

    private static JsonNode? Body(StoredEvent e, bool discloseIdentity)
    {
        var body = JsonNode.Parse(e.Data);
        if (!discloseIdentity && e.Name == PatientRegisteredName && body is JsonObject registration)
        {
            foreach (var key in registration.Select(p => p.Key)
                         .Where(k => k.Equals(nameof(PatientRegistered.Identity), StringComparison.OrdinalIgnoreCase)).ToList())
            {
                registration[key] = IdentityDisclosure.Redacted;
            }
        }

        return body;
    }

    public string DataText() => Data?.ToJsonString(Indented) ?? "null";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}

/// <summary>One page of a pathway's history, oldest first.</summary>
/// <param name="StreamVersion">The pathway's current version, whatever the filter.</param>
public sealed record HistoryPage(
    Guid PathwayId, long StreamVersion, long Total, int Page, int PageSize, IReadOnlyList<HistoryEntry> Items);
