namespace HccPathway.Contracts.Audit;

/// <summary>
/// A signed checkpoint of one hospital's audit hash chain, published by the audit service (and appended to its
/// checkpoint log) when new events were sealed. It anchors the chain outside the database: whoever keeps these
/// messages can later show that the stored events were rewritten, even if the seals in the database were rewritten
/// with them. Not a pathway event: it is never stored in a stream. A new shape is a new type (<c>…V2</c>).
/// </summary>
/// <param name="Format">Always <c>hcc-audit-checkpoint/1</c>.</param>
/// <param name="Hospital">The hospital (event store tenant) whose chain this is.</param>
/// <param name="Sequence">Every event of the hospital with a global sequence up to this one is sealed and covered.</param>
/// <param name="PreviousHeadHash">The hospital's head hash at its previous checkpoint (64 zeros for the first).</param>
/// <param name="HeadHash">
/// SHA-256 (hex) of <c>format\nhospital\nsequence\npreviousHeadHash\n</c> followed by one line
/// <c>streamId version chainHash\n</c> per entry of <see cref="Streams"/>, in order: a running chain over checkpoints.
/// </param>
/// <param name="StreamCount">How many pathways of the hospital are anchored in all, up to this checkpoint.</param>
/// <param name="Streams">The pathways whose chain advanced since the previous checkpoint: their new head (version, chain hash).</param>
/// <param name="KeyId">SHA-256 (hex) of the signing key's public key (DER SubjectPublicKeyInfo).</param>
/// <param name="Signature">
/// Base64 ECDSA P-256 / SHA-256 signature (DER) over the UTF-8 canonical JSON: this message's fields in the order
/// above, without <see cref="Signature"/>, compact, instants as <c>yyyy-MM-ddTHH:mm:ss.fffffffZ</c>.
/// </param>
public sealed record ChainCheckpointedV1(
    string Format,
    string Hospital,
    long Sequence,
    string PreviousHeadHash,
    string HeadHash,
    long StreamCount,
    IReadOnlyList<CheckpointedStreamHead> Streams,
    DateTimeOffset CreatedAt,
    string KeyId,
    string Signature);

/// <summary>The end of one pathway's hash chain at a checkpoint: the last version sealed and its chain hash.</summary>
public sealed record CheckpointedStreamHead(Guid StreamId, long Version, string ChainHash);
