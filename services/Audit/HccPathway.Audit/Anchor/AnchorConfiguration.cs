using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Audit.Anchor;

/// <summary>
/// Where the chain anchor's keys and log are (configuration section <c>Audit:Anchor</c>):
/// <list type="bullet">
/// <item><c>SigningKeyPath</c>: PEM file with the ECDSA P-256 private key that signs checkpoints. Required outside
/// Development; in Development a key is generated for the run when it is not set.</item>
/// <item><c>TrustedKeysPath</c>: PEM file with the public keys whose checkpoints verify (after a rotation, the old ones
/// too). Defaults to the signing key's public half. The command line needs it (or the signing key) to verify.</item>
/// <item><c>LogPath</c>: the append-only checkpoint log (JSON lines). Required outside Development; in Development it
/// defaults to a file under the temporary directory named after the events schema and the key.</item>
/// <item><c>Interval</c>: how often to check for newly sealed events (default 5 minutes).</item>
/// </list>
/// </summary>
public sealed class AnchorConfiguration
{
    public const string Section = "Audit:Anchor";
    public const string SigningKeyPathKey = Section + ":SigningKeyPath";
    public const string TrustedKeysPathKey = Section + ":TrustedKeysPath";
    public const string LogPathKey = Section + ":LogPath";
    public const string IntervalKey = Section + ":Interval";

    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMinutes(5);

    private const string GenerateHint =
        "Generate one with 'openssl ecparam -name prime256v1 -genkey -noout | openssl pkcs8 -topk8 -nocrypt -out signing-key.pem' " +
        "and keep it outside the database (deploy/k8s: the hccpathway-audit-anchor secret; deploy/local/run.sh makes one under .local/).";

    /// <summary>Null when no log is configured (the command line without <c>Audit:Anchor:LogPath</c>): verification then reports it.</summary>
    public string? LogPath { get; private init; }

    public AnchorSigner? Signer { get; private init; }

    public AnchorKeyRing Trusted { get; private init; } = AnchorKeyRing.Of([]);

    public TimeSpan Interval { get; private init; } = DefaultInterval;

    /// <summary>
    /// For the web host, which signs: fails at start, with what to do, when the key or the log is missing outside
    /// Development.
    /// </summary>
    public static AnchorConfiguration ForSigning(IConfiguration configuration, bool development)
    {
        AnchorSigner signer;
        if (configuration[SigningKeyPathKey] is { Length: > 0 } keyPath)
        {
            signer = Load(() => AnchorSigner.FromPemFile(keyPath), SigningKeyPathKey);
        }
        else if (development)
        {
            signer = AnchorSigner.CreateEphemeral();
        }
        else
        {
            throw new InvalidOperationException(
                $"{SigningKeyPathKey} is not set: the audit service signs checkpoints of the hash chain with a key the database does not hold. {GenerateHint}");
        }

        var logPath = configuration[LogPathKey] is { Length: > 0 } path ? path
            : development ? DevelopmentLogPath(configuration, signer.KeyId)
            : throw new InvalidOperationException(
                $"{LogPathKey} is not set: the append-only file the checkpoints of the hash chain are written to " +
                "(on storage the database administrators cannot rewrite).");

        var interval = configuration.GetValue(IntervalKey, DefaultInterval);
        if (interval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{IntervalKey} must be positive.");
        }

        return new AnchorConfiguration
        {
            LogPath = System.IO.Path.GetFullPath(logPath),
            Signer = signer,
            Trusted = AnchorKeyRing.Of(TrustedKeys(configuration).Append(signer.PublicKey())),
            Interval = interval,
        };
    }

    /// <summary>For the command line, which only verifies.</summary>
    public static AnchorConfiguration ForVerification(IConfiguration configuration)
    {
        if (configuration[LogPathKey] is not { Length: > 0 } logPath)
        {
            return new AnchorConfiguration();
        }

        var trusted = TrustedKeys(configuration).ToList();
        if (trusted.Count == 0 && configuration[SigningKeyPathKey] is { Length: > 0 } keyPath)
        {
            trusted.Add(Load(() => AnchorSigner.FromPemFile(keyPath), SigningKeyPathKey).PublicKey());
        }

        return trusted.Count > 0
            ? new AnchorConfiguration { LogPath = System.IO.Path.GetFullPath(logPath), Trusted = AnchorKeyRing.Of(trusted) }
            : throw new InvalidOperationException($"{LogPathKey} is set but neither {TrustedKeysPathKey} nor {SigningKeyPathKey}: no key to verify the checkpoints with.");
    }

    private static IEnumerable<System.Security.Cryptography.ECDsa> TrustedKeys(IConfiguration configuration) =>
        configuration[TrustedKeysPathKey] is { Length: > 0 } path
            ? Load(() => AnchorKeys.ReadPem(path), TrustedKeysPathKey).Select(k => k.Key)
            : [];

    private static string DevelopmentLogPath(IConfiguration configuration, string keyId) =>
        System.IO.Path.Combine(
            System.IO.Path.GetTempPath(), "hccpathway-audit-anchor",
            $"{configuration["Pathway:EventsSchema"] ?? PathwayEventStore.DefaultEventsSchema}-{keyId[..16]}.jsonl");

    private static T Load<T>(Func<T> load, string key)
    {
        try
        {
            return load();
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.Security.Cryptography.CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"{key}: {ex.Message} {GenerateHint}", ex);
        }
    }
}
