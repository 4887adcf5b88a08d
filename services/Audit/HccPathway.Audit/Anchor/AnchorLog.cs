using System.Security.Cryptography;
using System.Text;
using HccPathway.Contracts.Audit;

namespace HccPathway.Audit.Anchor;

/// <summary>A pathway's head as the latest checkpoint that covers it anchors it.</summary>
public sealed record AnchoredHead(string Hospital, long Version, string ChainHash, long CheckpointSequence, DateTimeOffset CheckpointCreatedAt, string KeyId);

/// <summary>The first line of the checkpoint log that does not verify; nothing after it is trusted.</summary>
public sealed record AnchorLogProblem(int Line, string Detail);

/// <summary>What one lookup found: the pathway's anchored head (null when none), and the hospital's latest checkpoint.</summary>
public sealed record AnchorLookup(AnchoredHead? Head, long HospitalSequence, AnchorLogProblem? Problem);

/// <summary>
/// The append-only checkpoint log (JSON lines, one signed checkpoint each) and what it anchors, verified line by line:
/// every signature against the trusted keys, and each hospital's checkpoints as an unbroken chain (each names the
/// previous head hash, advances the sequence, and its head hash recomputes from its streams). The log is read once
/// and then followed as it grows: whenever it may have changed, the part already read is hashed again, and if that
/// changed (not only appended to) the whole log is verified again.
/// Writers in several replicas (on a shared volume) take an exclusive lock and re-read before appending.
/// </summary>
public sealed class AnchorLog(string path, AnchorKeyRing keys)
{
    private static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Dictionary<string, HospitalState> hospitals = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, AnchoredHead> heads = [];
    private IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] readHash = [];
    private long offset;
    private long length = -1;
    private DateTime lastWrite;
    private DateTime readAt;
    private int lines;
    private AnchorLogProblem? problem;

    public string Path => path;

    /// <summary>The highest sequence any checkpoint in the log covers (0 when none).</summary>
    public long LastSequence { get; private set; }

    public async Task<AnchorLookup> Lookup(string hospital, Guid streamId, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            await Refresh(ct);
            return new AnchorLookup(heads.GetValueOrDefault(streamId), hospitals.GetValueOrDefault(hospital)?.Sequence ?? 0, problem);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Every checkpoint in the log, in order, as far as it verifies (for tools and tests).</summary>
    public static IReadOnlyList<ChainCheckpointedV1> ReadAll(string path) =>
        File.Exists(path)
            ? File.ReadLines(path).Where(l => l.Length > 0).Select(CheckpointFormat.Parse).ToList()
            : [];

    /// <summary>
    /// Under the file lock, brings the log up to date and asks <paramref name="build"/> for the checkpoints to add,
    /// then appends them in one write and flushes them to disk. Returns what was appended (nothing when another
    /// replica holds the lock or <paramref name="build"/> found nothing new).
    /// </summary>
    public async Task<IReadOnlyList<ChainCheckpointedV1>> Append(
        Func<AnchorLogView, Task<IReadOnlyList<ChainCheckpointedV1>>> build, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
            FileStream fileLock;
            try
            {
                // An advisory lock beside the log (flock on Linux), so a second replica neither writes nor appends a
                // checkpoint that the first has just written.
                fileLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                return [];
            }

            await using (fileLock)
            {
                await Refresh(ct);
                var checkpoints = await build(new AnchorLogView(this));
                if (checkpoints.Count == 0)
                {
                    return [];
                }

                var text = new StringBuilder();
                foreach (var c in checkpoints)
                {
                    text.Append(CheckpointFormat.Line(c)).Append('\n');
                }

                await using (var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read))
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), ct);
                    stream.Flush(flushToDisk: true);
                }

                await Refresh(ct);
                return checkpoints;
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The state a writer builds on, read under the lock.</summary>
    public sealed class AnchorLogView(AnchorLog log)
    {
        public AnchorLogProblem? Problem => log.problem;

        public long LastSequence => log.LastSequence;

        public AnchoredHead? Head(Guid streamId) => log.heads.GetValueOrDefault(streamId);

        /// <summary>The hospital's head hash and stream count at its latest checkpoint (genesis and 0 before its first).</summary>
        public (string HeadHash, long StreamCount) Hospital(string hospital) =>
            log.hospitals.TryGetValue(hospital, out var h) ? (h.HeadHash, h.StreamCount) : (CheckpointFormat.Genesis, 0);
    }

    private async Task Refresh(CancellationToken ct)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            if (lines > 0 && problem is null)
            {
                problem = new AnchorLogProblem(lines, $"the checkpoint log is gone (it held {lines} checkpoints)");
            }

            return;
        }

        // Unchanged length and time of last write prove the file unchanged only once that time is older than the last
        // read by more than the file system's timestamp granularity (a change right after a read can keep the time).
        if (file.Length == length && file.LastWriteTimeUtc == lastWrite && lastWrite < readAt - RacyWindow)
        {
            return;
        }

        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        // Only new lines are verified; if anything already read changed, everything is verified again.
        if (offset > 0 && (stream.Length < offset || !(await PrefixHash(stream, offset, ct)).AsSpan().SequenceEqual(readHash)))
        {
            Reset();
        }

        length = file.Length;
        lastWrite = file.LastWriteTimeUtc;
        readAt = DateTime.UtcNow;
        stream.Seek(offset, SeekOrigin.Begin);
        var bytes = new byte[stream.Length - offset];
        await stream.ReadExactlyAsync(bytes, ct);

        // Only whole lines: a line still being written is read when it is complete.
        var start = 0;
        for (var end = Array.IndexOf(bytes, (byte)'\n'); end >= 0; end = Array.IndexOf(bytes, (byte)'\n', start))
        {
            var line = bytes[start..end];
            start = end + 1;
            lines++;
            if (line.Length > 0)
            {
                Fold(Encoding.UTF8.GetString(line));
            }
        }

        hash.AppendData(bytes, 0, start);
        readHash = hash.GetCurrentHash();
        offset += start;
    }

    private static async Task<byte[]> PrefixHash(FileStream stream, long count, CancellationToken ct)
    {
        using var prefix = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[64 * 1024];
        stream.Seek(0, SeekOrigin.Begin);
        for (var left = count; left > 0;)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            if (read == 0)
            {
                break;
            }

            prefix.AppendData(buffer, 0, read);
            left -= read;
        }

        return prefix.GetCurrentHash();
    }

    private void Reset()
    {
        hospitals.Clear();
        heads.Clear();
        hash.Dispose();
        hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        readHash = [];
        offset = 0;
        lines = 0;
        problem = null;
        LastSequence = 0;
    }

    private void Fold(string line)
    {
        if (problem is not null)
        {
            return;
        }

        ChainCheckpointedV1 c;
        try
        {
            c = CheckpointFormat.Parse(line);
        }
        catch (FormatException ex)
        {
            problem = new AnchorLogProblem(lines, $"line {lines} is not a checkpoint ({ex.Message})");
            return;
        }

        var where = $"line {lines} (hospital {c.Hospital}, sequence {c.Sequence})";
        if (keys.Find(c.KeyId) is not { } key)
        {
            problem = new AnchorLogProblem(lines, $"{where} is signed with a key that is not trusted ({c.KeyId})");
            return;
        }

        if (!CheckpointFormat.SignatureValid(c, key))
        {
            problem = new AnchorLogProblem(lines, $"{where}: the signature does not verify");
            return;
        }

        var hospital = hospitals.GetValueOrDefault(c.Hospital) ?? new HospitalState();
        var moved = c.Streams.FirstOrDefault(s => heads.TryGetValue(s.StreamId, out var h) && h.Hospital != c.Hospital);
        var detail =
            c.PreviousHeadHash != hospital.HeadHash ? "does not follow the hospital's previous checkpoint (one was removed, reordered or replaced)"
            : c.Sequence <= hospital.Sequence ? "does not advance the hospital's sequence"
            : CheckpointFormat.HeadHash(c.Hospital, c.Sequence, c.PreviousHeadHash, c.Streams) != c.HeadHash ? "its head hash does not match its streams"
            : moved is not null ? $"moves pathway {moved.StreamId} to another hospital"
            : null;
        if (detail is not null)
        {
            problem = new AnchorLogProblem(lines, $"{where} {detail}");
            return;
        }

        var anchored = hospital.StreamCount + c.Streams.Select(s => s.StreamId).Distinct().Count(id => !heads.ContainsKey(id));
        if (anchored != c.StreamCount)
        {
            problem = new AnchorLogProblem(lines, $"{where} counts {c.StreamCount} pathways where the log anchors {anchored}");
            return;
        }

        foreach (var s in c.Streams)
        {
            heads[s.StreamId] = new AnchoredHead(c.Hospital, s.Version, s.ChainHash, c.Sequence, c.CreatedAt, c.KeyId);
        }

        hospitals[c.Hospital] = new HospitalState { HeadHash = c.HeadHash, Sequence = c.Sequence, StreamCount = anchored };
        LastSequence = Math.Max(LastSequence, c.Sequence);
    }

    private sealed class HospitalState
    {
        public string HeadHash { get; init; } = CheckpointFormat.Genesis;

        public long Sequence { get; init; }

        public long StreamCount { get; init; }
    }
}
