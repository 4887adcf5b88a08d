using HccPathway.Audit.Events;
using HccPathway.Audit.Tamper;
using HccPathway.Contracts.Audit;
using Marten;
using MassTransit;

namespace HccPathway.Audit.Anchor;

/// <summary>
/// Anchors the hash chain outside the database. Every interval, when the hash-chain subscription has sealed beyond
/// the last checkpoint, it writes one signed checkpoint per hospital whose pathways advanced to the append-only log,
/// then publishes each to the broker (<see cref="ChainCheckpointedV1"/>). A pathway whose sealed chain no longer
/// extends the head anchored for it (its events and seals were rewritten in the database) is not anchored again: it
/// is logged and counted, and its earlier anchor keeps showing the rewrite. Replicas share the log under a file lock
/// and re-read it before writing, so a sequence is checkpointed (and published) once however many replicas run.
/// </summary>
public sealed partial class AnchorPublisher(
    AnchorConfiguration configuration,
    AnchorLog log,
    EventRows rows,
    IDocumentStore store,
    IServiceProvider services,
    AnchorMetrics metrics,
    TimeProvider clock,
    ILogger<AnchorPublisher> logger) : BackgroundService
{
    private const long SealsPerQuery = 20_000;
    private static readonly string Shard = HashChainSubscription.SubscriptionName + ":All";

    private readonly Queue<ChainCheckpointedV1> unpublished = new();
    private long consideredThrough;
    private long? buildingThrough;
    private long ticks;

    /// <summary>Rounds run so far (each checks for newly sealed events), for tests and diagnostics.</summary>
    public long Ticks => Interlocked.Read(ref ticks);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var signer = configuration.Signer!;
        if (signer.Ephemeral)
        {
            LogEphemeralKey(signer.KeyId, log.Path);
        }

        LogStarted(log.Path, signer.KeyId, configuration.Interval);
        using var timer = new PeriodicTimer(configuration.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnce(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                metrics.Failure("error");
                LogRoundFailed(ex.GetType().Name);
            }
            finally
            {
                Interlocked.Increment(ref ticks);
            }
        }
    }

    /// <summary>One round: checkpoint what was sealed since the last checkpoint, if anything, then publish.</summary>
    public async Task RunOnce(CancellationToken ct)
    {
        var sealedThrough = await rows.Progress(Shard, ct);
        if (sealedThrough > Math.Max(consideredThrough, log.LastSequence))
        {
            buildingThrough = null;
            var appended = await log.Append(view => Build(view, sealedThrough, ct), ct);

            // Only once written: a round that failed to write considers the same events again.
            consideredThrough = buildingThrough ?? consideredThrough;
            foreach (var checkpoint in appended)
            {
                metrics.Checkpoint(checkpoint.Hospital);
                LogCheckpoint(checkpoint.Hospital, checkpoint.Sequence, checkpoint.Streams.Count, checkpoint.StreamCount, checkpoint.HeadHash);
                unpublished.Enqueue(checkpoint);
            }
        }

        await Publish(ct);
    }

    private async Task<IReadOnlyList<ChainCheckpointedV1>> Build(AnchorLog.AnchorLogView view, long sealedThrough, CancellationToken ct)
    {
        if (view.Problem is { } problem)
        {
            metrics.Failure("log-invalid");
            LogLogInvalid(log.Path, problem.Detail);
            return [];
        }

        var from = Math.Max(consideredThrough, view.LastSequence);
        if (sealedThrough <= from)
        {
            return [];
        }

        var advanced = await HeadsSealedBetween(from, sealedThrough, ct);
        var hospitals = await rows.HospitalsOf(advanced.Keys, ct);
        var accepted = new List<(string Hospital, CheckpointedStreamHead Head)>();
        foreach (var (head, stillExtends) in await ExtendAnchoredHeads(view, advanced.Values, ct))
        {
            var hospital = hospitals.GetValueOrDefault(head.StreamId);
            var anchored = view.Head(head.StreamId);
            if (hospital is null || !stillExtends || (anchored is not null && anchored.Hospital != hospital))
            {
                metrics.Refused(hospital ?? anchored?.Hospital ?? "");
                LogRefused(head.StreamId, hospital ?? "?", anchored?.Version ?? 0, anchored?.CheckpointSequence ?? 0);
                continue;
            }

            accepted.Add((hospital, head));
        }

        var now = clock.GetUtcNow();
        var checkpoints = accepted
            .GroupBy(a => a.Hospital, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var (previous, count) = view.Hospital(g.Key);
                var streams = g.Select(a => a.Head).OrderBy(h => h.StreamId.ToString("N"), StringComparer.Ordinal).ToList();
                var unsigned = new ChainCheckpointedV1(
                    CheckpointFormat.Format, g.Key, sealedThrough, previous,
                    CheckpointFormat.HeadHash(g.Key, sealedThrough, previous, streams),
                    count + streams.Count(s => view.Head(s.StreamId) is null), streams, now, "", "");
                return CheckpointFormat.Sign(unsigned, configuration.Signer!);
            })
            .ToList();
        buildingThrough = sealedThrough;
        return checkpoints;
    }

    // The last seal of each stream with a global sequence in (from, to], read in slices of the sequence.
    private async Task<Dictionary<Guid, CheckpointedStreamHead>> HeadsSealedBetween(long from, long to, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var heads = new Dictionary<Guid, CheckpointedStreamHead>();
        for (var floor = from; floor < to; floor += SealsPerQuery)
        {
            var ceiling = Math.Min(to, floor + SealsPerQuery);
            var seals = await session.Query<EventSeal>()
                .Where(s => s.Sequence > floor && s.Sequence <= ceiling)
                .Select(s => new { s.StreamId, s.Version, s.ChainHash })
                .ToListAsync(ct);
            foreach (var s in seals)
            {
                if (!heads.TryGetValue(s.StreamId, out var head) || head.Version < s.Version)
                {
                    heads[s.StreamId] = new CheckpointedStreamHead(s.StreamId, s.Version, s.ChainHash);
                }
            }
        }

        return heads;
    }

    // Whether each advanced stream still holds, at its anchored version, the chain hash anchored for it.
    private async Task<IReadOnlyList<(CheckpointedStreamHead Head, bool StillExtends)>> ExtendAnchoredHeads(
        AnchorLog.AnchorLogView view, IEnumerable<CheckpointedStreamHead> advanced, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var batch = session.CreateBatchQuery();
        var pending = advanced
            .Select(head => (head, anchored: view.Head(head.StreamId)))
            .Select(x => (x.head, x.anchored, seal: x.anchored is { } a
                ? batch.Query<EventSeal>().Where(s => s.StreamId == x.head.StreamId && s.Version == a.Version).FirstOrDefault()
                : null))
            .ToList();
        await batch.Execute(ct);

        var result = new List<(CheckpointedStreamHead, bool)>();
        foreach (var (head, anchored, seal) in pending)
        {
            var extends = anchored is null
                || (head.Version > anchored.Version && seal is not null && (await seal)?.ChainHash == anchored.ChainHash);
            result.Add((head, extends));
        }

        return result;
    }

    private async Task Publish(CancellationToken ct)
    {
        if (services.GetService<IBus>() is not { } bus)
        {
            unpublished.Clear();
            return;
        }

        while (unpublished.TryPeek(out var checkpoint))
        {
            try
            {
                // The message id follows from the head hash, so a subscriber can drop a repeat.
                var messageId = new Guid(Convert.FromHexString(checkpoint.HeadHash)[..16]);
                await bus.Publish(checkpoint, context => context.MessageId = messageId, ct);
                unpublished.Dequeue();
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                metrics.Failure("publish");
                LogPublishFailed(checkpoint.Hospital, checkpoint.Sequence, ex.GetType().Name);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Chain anchor: checkpoints to {Log} signed with key {KeyId} every {Interval}")]
    private partial void LogStarted(string log, string keyId, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Chain anchor: no Audit:Anchor:SigningKeyPath; signing with a key generated for this run ({KeyId}), checkpoints in {Log}. Development only.")]
    private partial void LogEphemeralKey(string keyId, string log);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Chain anchor: checkpoint of hospital {Hospital} at sequence {Sequence}: {Advanced} pathways advanced, {StreamCount} anchored, head {HeadHash}")]
    private partial void LogCheckpoint(string hospital, long sequence, int advanced, long streamCount, string headHash);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Chain anchor: pathway {PathwayId} (hospital {Hospital}) no longer extends the head anchored at version {Version} by the checkpoint at sequence {Sequence}; its events or seals were rewritten. Not anchored again.")]
    private partial void LogRefused(Guid pathwayId, string hospital, long version, long sequence);

    [LoggerMessage(Level = LogLevel.Error, Message = "Chain anchor: the checkpoint log {Log} does not verify: {Problem}. Nothing is appended until it is resolved.")]
    private partial void LogLogInvalid(string log, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain anchor: publishing the checkpoint of hospital {Hospital} at sequence {Sequence} failed ({Error}); retried next round")]
    private partial void LogPublishFailed(string hospital, long sequence, string error);

    // The exception's type only: a database error's message can quote the values it was given.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Chain anchor round failed: {Error}; tried again next round")]
    private partial void LogRoundFailed(string error);
}
