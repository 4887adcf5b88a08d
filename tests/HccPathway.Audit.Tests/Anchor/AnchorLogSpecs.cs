using HccPathway.Audit.Anchor;
using HccPathway.Contracts.Audit;

namespace HccPathway.Audit.Tests.Anchor;

/// <summary>The checkpoint log as a verifier reads it, without a database: what it anchors and which edits it catches.</summary>
public sealed class AnchorLogSpecs : IDisposable
{
    private const string Hospital = "st-marys";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"hcc-anchor-spec-{Guid.NewGuid():N}.jsonl");
    private readonly AnchorSigner signer = AnchorSigner.CreateEphemeral();
    private readonly Guid first = Guid.NewGuid();
    private readonly Guid second = Guid.NewGuid();

    public void Dispose()
    {
        signer.Dispose();
        File.Delete(path);
    }

    [Fact]
    public async Task A_log_written_in_order_anchors_each_pathways_latest_head()
    {
        var log = Write(signer, Checkpoint(10, (first, 3)), Checkpoint(20, (second, 2)), Checkpoint(30, (first, 5)));

        var lookup = await log.Lookup(Hospital, first, CancellationToken.None);

        Assert.Null(lookup.Problem);
        Assert.Equal((5L, 30L, Hash(first, 5)), (lookup.Head!.Version, lookup.Head.CheckpointSequence, lookup.Head.ChainHash));
        Assert.Equal(30, lookup.HospitalSequence);
    }

    [Fact]
    public async Task Removing_a_checkpoint_from_the_middle_breaks_the_hospitals_chain_of_checkpoints()
    {
        var lines = Lines(signer, Checkpoint(10, (first, 3)), Checkpoint(20, (second, 2)), Checkpoint(30, (first, 5)));
        File.WriteAllLines(path, [lines[0], lines[2]]);

        var lookup = await new AnchorLog(path, Trusted()).Lookup(Hospital, first, CancellationToken.None);

        Assert.Contains("line 2", lookup.Problem!.Detail);
        Assert.Contains("does not follow", lookup.Problem.Detail);
    }

    [Fact]
    public async Task A_checkpoint_signed_with_a_key_that_is_not_trusted_is_reported()
    {
        using var other = AnchorSigner.CreateEphemeral();
        var lines = Lines(signer, Checkpoint(10, (first, 3)));
        var forged = CheckpointFormat.Sign(CheckpointFormat.Parse(Lines(signer, Checkpoint(10, (first, 3)), Checkpoint(20, (first, 4)))[1]), other);
        File.WriteAllLines(path, [lines[0], CheckpointFormat.Line(forged)]);

        var lookup = await new AnchorLog(path, Trusted()).Lookup(Hospital, first, CancellationToken.None);

        Assert.Contains("not trusted", lookup.Problem!.Detail);
    }

    [Fact]
    public async Task The_log_is_followed_as_it_grows_and_read_again_when_it_is_rewritten()
    {
        var lines = Lines(signer, Checkpoint(10, (first, 3)), Checkpoint(20, (first, 4)));
        File.WriteAllLines(path, [lines[0]]);
        var log = new AnchorLog(path, Trusted());
        Assert.Equal(3, (await log.Lookup(Hospital, first, CancellationToken.None)).Head!.Version);

        File.AppendAllLines(path, [lines[1]]);
        Assert.Equal(4, (await log.Lookup(Hospital, first, CancellationToken.None)).Head!.Version);

        // The first line rewritten with a different chain hash, the file otherwise the same.
        File.WriteAllLines(path, [lines[0].Replace(Hash(first, 3), Hash(second, 3), StringComparison.Ordinal), lines[1]]);
        Assert.Contains("signature does not verify", (await log.Lookup(Hospital, first, CancellationToken.None)).Problem!.Detail);
    }

    private AnchorKeyRing Trusted() => AnchorKeyRing.Of([signer.PublicKey()]);

    private AnchorLog Write(AnchorSigner key, params (long Sequence, (Guid Id, long Version)[] Streams)[] checkpoints)
    {
        File.WriteAllLines(path, Lines(key, checkpoints));
        return new AnchorLog(path, Trusted());
    }

    // Signed checkpoints of one hospital, each following the previous one.
    private static List<string> Lines(AnchorSigner key, params (long Sequence, (Guid Id, long Version)[] Streams)[] checkpoints)
    {
        var previous = CheckpointFormat.Genesis;
        var anchored = new HashSet<Guid>();
        var lines = new List<string>();
        foreach (var (sequence, streams) in checkpoints)
        {
            var heads = streams.Select(s => new CheckpointedStreamHead(s.Id, s.Version, Hash(s.Id, s.Version))).ToList();
            anchored.UnionWith(streams.Select(s => s.Id));
            var head = CheckpointFormat.HeadHash(Hospital, sequence, previous, heads);
            var checkpoint = CheckpointFormat.Sign(new ChainCheckpointedV1(
                CheckpointFormat.Format, Hospital, sequence, previous, head, anchored.Count, heads, DateTimeOffset.UnixEpoch.AddSeconds(sequence), "", ""), key);
            lines.Add(CheckpointFormat.Line(checkpoint));
            previous = head;
        }

        return lines;
    }

    private static (long, (Guid, long)[]) Checkpoint(long sequence, params (Guid Id, long Version)[] streams) => (sequence, streams);

    private static string Hash(Guid id, long version) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{id}:{version}")));
}
