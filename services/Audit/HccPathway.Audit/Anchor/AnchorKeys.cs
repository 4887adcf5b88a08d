using System.Security.Cryptography;

namespace HccPathway.Audit.Anchor;

/// <summary>
/// The private key that signs checkpoints (ECDSA P-256). It is read from a PEM file named in configuration and never
/// stored in the database, so someone who can rewrite the database cannot sign a checkpoint for the rewritten chain.
/// </summary>
public sealed class AnchorSigner : IDisposable
{
    private readonly ECDsa key;

    private AnchorSigner(ECDsa key, bool ephemeral)
    {
        this.key = key;
        Ephemeral = ephemeral;
        KeyId = AnchorKeys.KeyId(key);
        PublicKeyPem = key.ExportSubjectPublicKeyInfoPem();
    }

    public string KeyId { get; }

    public string PublicKeyPem { get; }

    /// <summary>Generated at start (Development without a configured key): its checkpoints verify only in this process.</summary>
    public bool Ephemeral { get; }

    public static AnchorSigner FromPemFile(string path)
    {
        var keys = AnchorKeys.ReadPem(path).Where(k => k.Private).Select(k => k.Key).ToList();
        return keys.Count == 1
            ? new AnchorSigner(keys[0], ephemeral: false)
            : throw new InvalidOperationException($"The checkpoint signing key file '{path}' must hold exactly one EC private key.");
    }

    public static AnchorSigner CreateEphemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), ephemeral: true);

    public byte[] Sign(byte[] data) => key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);

    /// <summary>A verifier's copy of the public half.</summary>
    public ECDsa PublicKey()
    {
        var copy = ECDsa.Create();
        copy.ImportFromPem(PublicKeyPem);
        return copy;
    }

    public void Dispose() => key.Dispose();
}

/// <summary>The public keys whose checkpoints are trusted, by key id (the current one and any retired after a rotation).</summary>
public sealed class AnchorKeyRing(IReadOnlyDictionary<string, ECDsa> keys)
{
    public IReadOnlyCollection<string> KeyIds => keys.Keys.ToList();

    public ECDsa? Find(string keyId) => keys.GetValueOrDefault(keyId);

    public static AnchorKeyRing Of(IEnumerable<ECDsa> keys) =>
        new(keys.GroupBy(AnchorKeys.KeyId).ToDictionary(g => g.Key, g => g.First()));
}

public static class AnchorKeys
{
    private const string P256 = "1.2.840.10045.3.1.7";

    /// <summary>SHA-256 (hex) of the DER SubjectPublicKeyInfo: <c>openssl pkey -pubout -outform DER | sha256sum</c>.</summary>
    public static string KeyId(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()));

    /// <summary>Every EC key in a PEM file (private keys in SEC 1 or PKCS#8, public keys as SubjectPublicKeyInfo).</summary>
    public static IReadOnlyList<(ECDsa Key, bool Private)> ReadPem(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The key file '{path}' does not exist.");
        }

        var text = File.ReadAllText(path);
        var keys = new List<(ECDsa, bool)>();
        var rest = text.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            if (label is "EC PRIVATE KEY" or "PRIVATE KEY" or "PUBLIC KEY")
            {
                var key = ECDsa.Create();
                key.ImportFromPem(rest[fields.Location]);
                var curve = key.ExportParameters(false).Curve;
                if (!curve.IsNamed || curve.Oid.Value != P256)
                {
                    throw new InvalidOperationException($"The key in '{path}' is not on curve P-256 (prime256v1).");
                }

                keys.Add((key, label != "PUBLIC KEY"));
            }

            rest = rest[fields.Location.End..];
        }

        return keys.Count > 0 ? keys : throw new InvalidOperationException($"The key file '{path}' holds no PEM-encoded EC key.");
    }
}
