using System.Security.Cryptography;
using HccPathway.Audit.Anchor;
using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Events;
using HccPathway.Audit.Tamper;
using HccPathway.Contracts.Audit;
using HccPathway.ServiceDefaults.Tenancy;
using HccPathway.Testing;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Audit.Tests.Support;

/// <summary>
/// The Audit service with its chain anchor checking for newly sealed events four times a second, signing with a key
/// made for this fixture and writing its checkpoint log into a directory of its own.
/// </summary>
public sealed class AnchoredAuditService : AuditService
{
    private readonly string directory = Directory.CreateTempSubdirectory("hcc-audit-anchor-test-").FullName;
    private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private IReadOnlyDictionary<string, string>? settings;

    public string LogPath => Path.Combine(directory, "checkpoints.jsonl");

    public string SigningKeyPath => Path.Combine(directory, "signing-key.pem");

    public string PublicKeyPath => Path.Combine(directory, "public-key.pem");

    /// <summary>The public half of the signing key, as a verifier outside the service holds it.</summary>
    public ECDsa PublicKey
    {
        get
        {
            var copy = ECDsa.Create();
            copy.ImportFromPem(key.ExportSubjectPublicKeyInfoPem());
            return copy;
        }
    }

    public AnchorPublisher Publisher => Factory.Services.GetRequiredService<AnchorPublisher>();

    protected override IReadOnlyDictionary<string, string> Settings()
    {
        File.WriteAllText(SigningKeyPath, key.ExportPkcs8PrivateKeyPem());
        File.WriteAllText(PublicKeyPath, key.ExportSubjectPublicKeyInfoPem());
        return settings = new Dictionary<string, string>
        {
            [AnchorConfiguration.SigningKeyPathKey] = SigningKeyPath,
            [AnchorConfiguration.LogPathKey] = LogPath,
            [AnchorConfiguration.IntervalKey] = "00:00:00.25",
        };
    }

    /// <summary>A second replica: the same schemas, broker virtual host, signing key and checkpoint log (a shared volume).</summary>
    public PathwayServiceFactory<AuditApi> Replica() =>
        new(Factory.Infrastructure, Factory.Schemas, AuditApi.ServiceName, settings: settings);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        key.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>The lines of the checkpoint log as written.</summary>
    public IReadOnlyList<string> Lines() =>
        File.Exists(LogPath) ? File.ReadAllLines(LogPath).Where(l => l.Length > 0).ToList() : [];

    public IReadOnlyList<ChainCheckpointedV1> Checkpoints() => Lines().Select(CheckpointFormat.Parse).ToList();

    /// <summary>Waits for the line of the checkpoint that anchors <paramref name="pathwayId"/> at <paramref name="version"/>.</summary>
    public Task<string> LineAnchoring(Guid pathwayId, long version) =>
        Eventually.Get(
            () => Task.FromResult(Lines().LastOrDefault(l =>
                CheckpointFormat.Parse(l).Streams.Any(s => s.StreamId == pathwayId && s.Version == version))),
            TimeSpan.FromSeconds(60), $"a checkpoint anchoring version {version}");

    public async Task<ChainCheckpointedV1> CheckpointAnchoring(Guid pathwayId, long version) =>
        CheckpointFormat.Parse(await LineAnchoring(pathwayId, version));

    /// <summary>Waits for the anchor to run <paramref name="rounds"/> more rounds.</summary>
    public async Task Rounds(int rounds)
    {
        var target = Publisher.Ticks + rounds;
        await Eventually.True(() => Task.FromResult(Publisher.Ticks >= target), TimeSpan.FromSeconds(30), $"{rounds} rounds of the chain anchor");
    }

    public async Task WaitUntilSealed(Guid pathwayId, long version) =>
        await Eventually.True(async () =>
        {
            await using var session = Store.QuerySession();
            return await session.Query<EventSeal>().AnyAsync(s => s.StreamId == pathwayId && s.Version == version);
        }, TimeSpan.FromSeconds(60), $"version {version} to be sealed");

    public async Task<IReadOnlyList<StoredEvent>> StoredEvents(Guid pathwayId) =>
        await Factory.Services.GetRequiredService<EventRows>().Read(Hospitals.MartenDefault, pathwayId, new EventFilter(), CancellationToken.None);

    public async Task<IReadOnlyList<EventSeal>> Seals(Guid pathwayId)
    {
        await using var session = Store.QuerySession();
        return await session.Query<EventSeal>().Where(s => s.StreamId == pathwayId).OrderBy(s => s.Version).ToListAsync();
    }

    /// <summary>
    /// What someone with write access to the database does after changing a stored event: recomputes the seal of every
    /// event from <paramref name="fromVersion"/> on and the stream's chain head, with the published algorithm, and
    /// writes them over the old ones in SQL.
    /// </summary>
    public async Task ResealFrom(Guid pathwayId, long fromVersion)
    {
        var stored = await StoredEvents(pathwayId);
        var seals = await Seals(pathwayId);
        var serializer = Store.Options.Serializer();
        var previous = fromVersion == 1 ? EventHashing.Genesis : seals.Single(s => s.Version == fromVersion - 1).ChainHash;
        foreach (var e in stored.Where(e => e.Version >= fromVersion))
        {
            var forged = HashChainSubscription.Seal(previous, e, seals.Single(s => s.Version == e.Version).SealedAt);
            Assert.Equal(1, await Sql("update {docs}.mt_doc_eventseal set data = $2::jsonb where id = $1", e.Id, serializer.ToJson(forged)));
            previous = forged.ChainHash;
        }

        var head = new ChainHead(pathwayId, stored[^1].Version, previous, seals[^1].SealedAt);
        Assert.Equal(1, await Sql("update {docs}.mt_doc_chainhead set data = $2::jsonb where id = $1", pathwayId, serializer.ToJson(head)));
    }

    /// <summary>The audit command line against this fixture's schemas and checkpoint log.</summary>
    public async Task<(int Exit, string Output)> CommandLine(params string[] args)
    {
        var output = new StringWriter();
        var exit = await AuditCommandLine.Run(args, output, new StringWriter(), new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = Factory.Infrastructure.Postgres,
            ["Pathway:EventsSchema"] = EventsSchema,
            ["Pathway:DocumentsSchema"] = DocumentsSchema,
            [AnchorConfiguration.LogPathKey] = LogPath,
            [AnchorConfiguration.TrustedKeysPathKey] = PublicKeyPath,
        });
        return (exit, output.ToString());
    }
}
