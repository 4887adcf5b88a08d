using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HccPathway.Audit.Events;
using HccPathway.Contracts.Intake;

namespace HccPathway.Audit.Tamper;

/// <summary>The hashes of a stored event, computed the same way when sealing and when verifying.</summary>
public sealed record EventDigest(string ContentHash, string DataHash, string MetadataHash);

/// <summary>
/// How an event is hashed. The chain covers a body in which the patient's identity is left out, because a
/// data-protection erasure legitimately rewrites it in place (the event store's masking of
/// <see cref="PatientRegistered.Identity"/>); the identity is still covered by <see cref="EventDigest.DataHash"/>, so a change
/// to it is detected and told apart from an erasure.
/// </summary>
public static class EventHashing
{
    /// <summary>The "previous hash" of a stream's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly string PatientRegisteredName = EventNames.NameOf<PatientRegistered>();

    public static EventDigest Digest(StoredEvent e) =>
        new(Sha256(Content(e)), Sha256(e.Data), Sha256(Metadata(e)));

    public static string Chain(string previousChainHash, string name, EventDigest digest) =>
        Sha256(string.Join('\n', previousChainHash, name, digest.ContentHash, digest.MetadataHash));

    /// <summary>True when the identity of a registration holds only the erasure mask.</summary>
    public static bool IdentityErased(StoredEvent e) =>
        e.Name == PatientRegisteredName
        && Identity(JsonNode.Parse(e.Data) as JsonObject) is { } identity
        && identity.Count > 0
        && identity.All(p => p.Value?.ToString() is "masked" or "0001-01-01");

    // Every column but the body and the name: who, when, where, and how Marten will read it back.
    private static string Metadata(StoredEvent e) => string.Join('\n',
        e.Id.ToString("N"),
        e.StreamId.ToString("N"),
        e.Version.ToString(CultureInfo.InvariantCulture),
        e.Sequence.ToString(CultureInfo.InvariantCulture),
        e.Timestamp.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
        e.TenantId ?? "",
        e.CorrelationId ?? "",
        e.CausationId ?? "",
        e.UserName ?? "",
        e.Headers ?? "",
        e.DotNetType ?? "");

    private static string Content(StoredEvent e)
    {
        if (e.Name != PatientRegisteredName || JsonNode.Parse(e.Data) is not JsonObject body)
        {
            return e.Data;
        }

        var key = body.Select(p => p.Key).FirstOrDefault(IsIdentity);
        if (key is not null)
        {
            body.Remove(key);
        }

        return body.ToJsonString();
    }

    private static JsonObject? Identity(JsonObject? body) =>
        body?.FirstOrDefault(p => IsIdentity(p.Key)).Value as JsonObject;

    private static bool IsIdentity(string key) => key.Equals(nameof(PatientRegistered.Identity), StringComparison.OrdinalIgnoreCase);

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
