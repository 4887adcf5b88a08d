using HccPathway.Audit.Reads;
using HccPathway.Audit.Tamper;
using Marten;

namespace HccPathway.Audit;

/// <summary>The audit service's own documents, in its schema: the seals of the hash chain and the log of audit reads.</summary>
public static class AuditDocuments
{
    public static void Configure(StoreOptions options)
    {
        // Seals are written by the daemon for every hospital at once and keyed by globally unique event and
        // pathway ids; reads reach them only through a pathway already found in the reader's hospital. The chain
        // anchor reads them by global sequence.
        options.Schema.For<EventSeal>().Index(s => s.StreamId).Index(s => s.Sequence).SingleTenanted();
        options.Schema.For<ChainHead>().SingleTenanted();
        options.Schema.For<AuditRead>().Index(r => r.PathwayId).Index(r => r.At).Index(r => r.Actor);
    }
}
