namespace HccPathway.Audit.Tamper;

/// <summary>
/// The hashes of one event, taken when the audit service first saw it. <see cref="ChainHash"/> covers the previous
/// event's chain hash, the stored name, the content and the metadata, so changing, removing, inserting or moving any
/// earlier event breaks every later link.
/// </summary>
/// <param name="Id">The event id.</param>
/// <param name="ContentHash">SHA-256 of the body with erasable identity left out (see <see cref="EventHashing"/>).</param>
/// <param name="DataHash">SHA-256 of the whole body as stored.</param>
public sealed record EventSeal(
    Guid Id,
    Guid StreamId,
    long Version,
    long Sequence,
    string Name,
    string ContentHash,
    string DataHash,
    string MetadataHash,
    string ChainHash,
    DateTimeOffset SealedAt);

/// <summary>The end of one stream's chain: the last version sealed and its chain hash.</summary>
public sealed record ChainHead(Guid Id, long Version, string ChainHash, DateTimeOffset SealedAt);
