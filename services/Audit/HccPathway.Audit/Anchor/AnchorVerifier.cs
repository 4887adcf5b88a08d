using HccPathway.Audit.Events;
using HccPathway.Audit.Tamper;

namespace HccPathway.Audit.Anchor;

public static class AnchorStatuses
{
    /// <summary>The stored events reproduce the chain hash that the latest checkpoint covering the pathway anchors.</summary>
    public const string Anchored = "anchored";

    /// <summary>They do not (or the pathway is missing from checkpoints that should cover it): the database was rewritten.</summary>
    public const string Mismatch = "anchor-mismatch";

    /// <summary>The checkpoint log itself does not verify (a signature, or the chain of checkpoints, is broken).</summary>
    public const string Invalid = "anchor-invalid";

    /// <summary>No checkpoint covers the pathway yet (it was sealed after the latest one).</summary>
    public const string NotYetAnchored = "not-yet-anchored";

    /// <summary>No checkpoint log is configured here (the command line without <c>Audit:Anchor:LogPath</c>).</summary>
    public const string NotConfigured = "not-configured";
}

/// <summary>The comparison of a pathway's stored events with the checkpoint log outside the database.</summary>
/// <param name="CheckpointSequence">The sequence of the checkpoint compared with (for a mismatch, the one that disagrees).</param>
/// <param name="AnchoredVersion">The pathway's version that checkpoint anchors.</param>
public sealed record AnchorCheck(
    string Status, long? CheckpointSequence, DateTimeOffset? CheckpointCreatedAt, long? AnchoredVersion, string? KeyId, string Detail);

/// <summary>
/// Recomputes a pathway's chain from its stored events alone (not from its seals, which whoever rewrote the events
/// could have rewritten too) up to the version its latest checkpoint anchors, and compares it with the chain hash
/// signed there.
/// </summary>
public sealed class AnchorVerifier(AnchorConfiguration configuration, IServiceProvider services)
{
    private readonly AnchorLog? log = configuration.LogPath is null ? null : services.GetRequiredService<AnchorLog>();

    public async Task<Verification> Check(string hospital, IReadOnlyList<StoredEvent> stored, Verification chain, CancellationToken ct)
    {
        var check = log is null
            ? new AnchorCheck(AnchorStatuses.NotConfigured, null, null, null, null, "no checkpoint log is configured (Audit:Anchor:LogPath)")
            : Compare(hospital, stored, await log.Lookup(hospital, chain.PathwayId, ct));
        var status = check.Status is AnchorStatuses.Mismatch or AnchorStatuses.Invalid ? VerificationStatuses.Tampered : chain.Status;
        return chain with { Status = status, Anchor = check };
    }

    private static AnchorCheck Compare(string hospital, IReadOnlyList<StoredEvent> stored, AnchorLookup lookup)
    {
        if (lookup.Problem is { } problem)
        {
            return new AnchorCheck(AnchorStatuses.Invalid, null, null, null, null, $"the checkpoint log does not verify: {problem.Detail}");
        }

        if (lookup.Head is not { } head)
        {
            var latest = lookup.HospitalSequence;

            // Every pathway sealed up to a hospital's checkpoint is in it or in an earlier one.
            return latest > 0 && stored.Any(e => e.Sequence <= latest)
                ? new AnchorCheck(AnchorStatuses.Mismatch, latest, null, null, null,
                    $"the pathway has events at or before sequence {latest}, which the hospital's checkpoint at sequence {latest} covers, " +
                    "but no checkpoint anchors it: it was added to the database afterwards")
                : new AnchorCheck(AnchorStatuses.NotYetAnchored, latest > 0 ? latest : null, null, null, null,
                    latest > 0 ? $"sealed after the hospital's latest checkpoint (sequence {latest})" : "the hospital has no checkpoint yet");
        }

        if (head.Hospital != hospital)
        {
            return Check(AnchorStatuses.Mismatch, head, $"the checkpoint at sequence {head.CheckpointSequence} anchors this pathway in another hospital");
        }

        var previous = EventHashing.Genesis;
        for (var i = 0; i < head.Version; i++)
        {
            if (i >= stored.Count || stored[i].Version != i + 1)
            {
                return Check(AnchorStatuses.Mismatch, head,
                    $"the checkpoint at sequence {head.CheckpointSequence} anchors version {head.Version}, but version {i + 1} is not stored");
            }

            previous = EventHashing.Chain(previous, stored[i].Name, EventHashing.Digest(stored[i]));
        }

        return previous == head.ChainHash
            ? Check(AnchorStatuses.Anchored, head,
                $"the events up to version {head.Version} reproduce the chain hash signed in the checkpoint at sequence {head.CheckpointSequence}")
            : Check(AnchorStatuses.Mismatch, head,
                $"the events up to version {head.Version} do not reproduce the chain hash signed in the checkpoint at sequence " +
                $"{head.CheckpointSequence} ({CheckpointFormat.Instant(head.CheckpointCreatedAt)}): they were rewritten after they were anchored");
    }

    private static AnchorCheck Check(string status, AnchoredHead head, string detail) =>
        new(status, head.CheckpointSequence, head.CheckpointCreatedAt, head.Version, head.KeyId, detail);
}
