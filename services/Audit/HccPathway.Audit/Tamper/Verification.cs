namespace HccPathway.Audit.Tamper;

public static class VerificationStatuses
{
    /// <summary>Every sealed event is present, in place and unchanged.</summary>
    public const string Intact = "intact";

    /// <summary>
    /// At least one sealed event was modified, deleted, reordered, or an event was inserted among them; or the events no
    /// longer match the chain anchored outside the database (<see cref="Verification.Anchor"/>).
    /// </summary>
    public const string Tampered = "tampered";

    /// <summary>The pathway has events but none is sealed yet (the seal follows an append within moments).</summary>
    public const string NotYetSealed = "not-yet-sealed";
}

public static class FindingKinds
{
    public const string Modified = "modified";
    public const string Deleted = "deleted";
    public const string Inserted = "inserted";
    public const string Reordered = "reordered";
}

/// <summary>
/// The result of recomputing a pathway's hash chain from its stored events.
/// </summary>
/// <param name="SealedVersion">The last version sealed; events after it were appended since and are not yet covered.</param>
/// <param name="HeadChainHash">The chain hash at <see cref="SealedVersion"/>: record it elsewhere to detect a rewrite of the seals too.</param>
/// <param name="FirstFinding">The first event at which the record departs from its seals; null when intact.</param>
/// <param name="Notes">Legitimate changes, such as an identity erased on a data-protection request.</param>
/// <param name="Anchor">
/// The comparison with the signed checkpoints outside the database (<see cref="Anchor.AnchorVerifier"/>). It catches
/// what the seals cannot: events rewritten together with their seals. A mismatch makes <see cref="Status"/> tampered
/// while <see cref="FirstFinding"/> (from the seals) stays null.
/// </param>
public sealed record Verification(
    Guid PathwayId,
    string Status,
    int EventsChecked,
    long SealedVersion,
    int UnsealedEvents,
    string? HeadChainHash,
    Finding? FirstFinding,
    IReadOnlyList<string> Notes,
    Anchor.AnchorCheck? Anchor = null);

/// <param name="Kind">One of <see cref="FindingKinds"/>.</param>
/// <param name="Version">The stream version at which the record first departs from its seals.</param>
public sealed record Finding(string Kind, long Version, Guid EventId, string Name, string Detail);
