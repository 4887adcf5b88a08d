using HccPathway.Audit.Events;

namespace HccPathway.Audit.Tamper;

/// <summary>
/// Recomputes a stream's hash chain from its stored events and walks it beside the seals, in version order. The first
/// position where they part is classified: an event whose seal has no stored row was deleted; a stored row that was
/// never sealed was inserted; an event sealed at another position was reordered; a sealed event whose hashes differ
/// was modified (its type, its data or its metadata).
/// </summary>
public static class ChainVerifier
{
    public static Verification Verify(Guid pathwayId, IReadOnlyList<StoredEvent> stored, IReadOnlyList<EventSeal> seals)
    {
        var storedIds = stored.Select(e => e.Id).ToHashSet();
        var sealedIds = seals.Select(s => s.Id).ToHashSet();
        var notes = new List<string>();
        var previous = EventHashing.Genesis;

        for (var i = 0; i < seals.Count; i++)
        {
            var seal = seals[i];
            var finding = i < stored.Count
                ? Compare(stored[i], seal, previous, storedIds, sealedIds, notes)
                : Deleted(seal, "the sealed event is missing from the end of the stream");
            if (finding is not null)
            {
                return Result(pathwayId, VerificationStatuses.Tampered, i + 1, seals, stored, finding, notes);
            }

            previous = seal.ChainHash;
        }

        var status = seals.Count == 0 && stored.Count > 0 ? VerificationStatuses.NotYetSealed : VerificationStatuses.Intact;
        return Result(pathwayId, status, seals.Count, seals, stored, null, notes);
    }

    private static Finding? Compare(
        StoredEvent e, EventSeal seal, string previous, HashSet<Guid> storedIds, HashSet<Guid> sealedIds, List<string> notes)
    {
        if (e.Id != seal.Id)
        {
            if (!sealedIds.Contains(e.Id))
            {
                return new Finding(FindingKinds.Inserted, e.Version, e.Id, e.Name,
                    $"version {e.Version} holds an event that was never sealed; the sealed event there was {seal.Id} ({seal.Name})");
            }

            return storedIds.Contains(seal.Id)
                ? Reordered(seal, $"the event sealed at version {seal.Version} is no longer there; {e.Id} ({e.Name}) is")
                : Deleted(seal, $"the event sealed at version {seal.Version} is missing");
        }

        if (e.Version != seal.Version)
        {
            return Reordered(seal, $"the event sealed at version {seal.Version} is now stored at version {e.Version}");
        }

        var digest = EventHashing.Digest(e);
        if (EventHashing.Chain(previous, e.Name, digest) != seal.ChainHash)
        {
            return new Finding(FindingKinds.Modified, e.Version, e.Id, e.Name, WhatChanged(e, seal, digest));
        }

        if (digest.DataHash != seal.DataHash)
        {
            if (!EventHashing.IdentityErased(e))
            {
                return new Finding(FindingKinds.Modified, e.Version, e.Id, e.Name, "the patient identity was changed (not erased)");
            }

            notes.Add($"version {e.Version}: the patient identity was erased (data protection); the rest of the event is unchanged");
        }

        return null;
    }

    private static string WhatChanged(StoredEvent e, EventSeal seal, EventDigest digest)
    {
        var parts = new List<string>();
        if (e.Name != seal.Name)
        {
            parts.Add($"type (sealed as {seal.Name})");
        }

        if (digest.ContentHash != seal.ContentHash)
        {
            parts.Add("data");
        }

        if (digest.MetadataHash != seal.MetadataHash)
        {
            parts.Add("metadata (id, position, time, user, correlation, causation or headers)");
        }

        return parts.Count > 0
            ? "changed since sealed: " + string.Join(", ", parts)
            : "the seal itself does not match the chain: the audit record was altered";
    }

    private static Finding Deleted(EventSeal seal, string detail) =>
        new(FindingKinds.Deleted, seal.Version, seal.Id, seal.Name, detail);

    private static Finding Reordered(EventSeal seal, string detail) =>
        new(FindingKinds.Reordered, seal.Version, seal.Id, seal.Name, detail);

    private static Verification Result(
        Guid pathwayId, string status, int checkedCount, IReadOnlyList<EventSeal> seals, IReadOnlyList<StoredEvent> stored,
        Finding? finding, List<string> notes)
    {
        var head = seals.Count > 0 ? seals[^1] : null;
        var unsealed = head is null ? stored.Count : stored.Count(e => e.Version > head.Version);
        return new Verification(pathwayId, status, checkedCount, head?.Version ?? 0, unsealed, head?.ChainHash, finding, notes);
    }
}
