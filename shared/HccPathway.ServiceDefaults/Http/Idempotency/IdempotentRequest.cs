using System.Security.Cryptography;
using System.Text;
using HccPathway.ServiceDefaults.Security;
using HccPathway.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>A command request that carries an <c>Idempotency-Key</c>: who, where, and a fingerprint of what was asked.</summary>
public sealed record IdempotentRequest(string RecordId, string Fingerprint, string Endpoint)
{
    public const string Header = "Idempotency-Key";

    /// <summary>Set on a response that repeats a recorded one instead of running the command again.</summary>
    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>Printable ASCII without spaces, 1 to 255 characters: a UUID or any opaque client token fits.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    public static IdempotentRequest For(HttpContext context, RouteEndpoint endpoint, string key, ReadOnlySpan<byte> body)
    {
        var request = context.Request;
        var endpointName = $"{request.Method} {endpoint.RoutePattern.RawText}";

        // Keys are scoped per caller (a user of a hospital) and per endpoint: the same key from another user, another
        // hospital or on another endpoint is another request.
        var hospital = context.User.FindFirst(Hospitals.ClaimType)?.Value;
        var recordId = Hash(Encoding.UTF8.GetBytes($"{hospital}\n{context.User.ActorName()}\n{endpointName}\n{key}"));

        using var fingerprint = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        fingerprint.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.QueryString}\n{request.Headers.IfMatch}\n"));
        fingerprint.AppendData(body);
        return new IdempotentRequest(recordId, Convert.ToHexStringLower(fingerprint.GetHashAndReset()), endpointName);
    }

    private static string Hash(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}
