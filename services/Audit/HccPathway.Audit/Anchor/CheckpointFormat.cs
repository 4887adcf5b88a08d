using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HccPathway.Contracts.Audit;

namespace HccPathway.Audit.Anchor;

/// <summary>
/// How a checkpoint is hashed, signed and written: one line of the checkpoint log is its canonical JSON with the
/// signature as the last property, so the signed bytes are the line without it (what <c>jq -cj 'del(.signature)'</c>
/// prints). The same fields travel on the broker as <see cref="ChainCheckpointedV1"/>.
/// </summary>
public static class CheckpointFormat
{
    public const string Format = "hcc-audit-checkpoint/1";

    /// <summary>The "previous head hash" of a hospital's first checkpoint.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The hospital's running head: the previous head, the checkpoint's position, and every stream head in it.</summary>
    public static string HeadHash(string hospital, long sequence, string previousHeadHash, IEnumerable<CheckpointedStreamHead> streams)
    {
        var text = new StringBuilder()
            .Append(Format).Append('\n')
            .Append(hospital).Append('\n')
            .Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(previousHeadHash).Append('\n');
        foreach (var s in streams)
        {
            text.Append(s.StreamId.ToString("N")).Append(' ')
                .Append(s.Version.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(s.ChainHash).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>The bytes that are signed: the checkpoint without its signature.</summary>
    public static byte[] Canonical(ChainCheckpointedV1 checkpoint) => Json(checkpoint, withSignature: false);

    /// <summary>One line of the checkpoint log (without the line break).</summary>
    public static string Line(ChainCheckpointedV1 checkpoint) => Encoding.UTF8.GetString(Json(checkpoint, withSignature: true));

    public static ChainCheckpointedV1 Sign(ChainCheckpointedV1 unsigned, AnchorSigner signer)
    {
        var withKey = unsigned with { KeyId = signer.KeyId, Signature = "" };
        return withKey with { Signature = Convert.ToBase64String(signer.Sign(Canonical(withKey))) };
    }

    public static bool SignatureValid(ChainCheckpointedV1 checkpoint, ECDsa publicKey)
    {
        byte[] signature;
        try
        {
            signature = Convert.FromBase64String(checkpoint.Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return publicKey.VerifyData(Canonical(checkpoint), signature, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    /// <exception cref="FormatException">The line is not a checkpoint of this format.</exception>
    public static ChainCheckpointedV1 Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var format = root.GetProperty("format").GetString();
            if (format != Format)
            {
                throw new FormatException($"unknown format '{format}'");
            }

            var streams = root.GetProperty("streams").EnumerateArray()
                .Select(s => new CheckpointedStreamHead(
                    s.GetProperty("streamId").GetGuid(), s.GetProperty("version").GetInt64(), s.GetProperty("chainHash").GetString()!))
                .ToList();
            return new ChainCheckpointedV1(
                format,
                root.GetProperty("hospital").GetString()!,
                root.GetProperty("sequence").GetInt64(),
                root.GetProperty("previousHeadHash").GetString()!,
                root.GetProperty("headHash").GetString()!,
                root.GetProperty("streamCount").GetInt64(),
                streams,
                DateTimeOffset.ParseExact(root.GetProperty("createdAt").GetString()!, InstantFormat,
                    CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                root.GetProperty("keyId").GetString()!,
                root.GetProperty("signature").GetString()!);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    public static string Instant(DateTimeOffset at) =>
        at.UtcDateTime.ToString(InstantFormat, CultureInfo.InvariantCulture);

    private static byte[] Json(ChainCheckpointedV1 c, bool withSignature)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, Writer))
        {
            w.WriteStartObject();
            w.WriteString("format", c.Format);
            w.WriteString("hospital", c.Hospital);
            w.WriteNumber("sequence", c.Sequence);
            w.WriteString("previousHeadHash", c.PreviousHeadHash);
            w.WriteString("headHash", c.HeadHash);
            w.WriteNumber("streamCount", c.StreamCount);
            w.WriteStartArray("streams");
            foreach (var s in c.Streams)
            {
                w.WriteStartObject();
                w.WriteString("streamId", s.StreamId.ToString("D"));
                w.WriteNumber("version", s.Version);
                w.WriteString("chainHash", s.ChainHash);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("createdAt", Instant(c.CreatedAt));
            w.WriteString("keyId", c.KeyId);
            if (withSignature)
            {
                w.WriteString("signature", c.Signature);
            }

            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
