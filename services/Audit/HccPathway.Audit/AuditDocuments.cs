using HccPathway.Audit.Reads;
using HccPathway.Audit.Tamper;
using Marten;

namespace HccPathway.Audit;

/// <summary>The audit service's own documents, in its schema: the seals of the hash chain and the log of audit reads.</summary>
public static class AuditDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<EventSeal>().Index(s => s.StreamId);
        options.Schema.For<ChainHead>();
        options.Schema.For<AuditRead>().Index(r => r.PathwayId).Index(r => r.At).Index(r => r.Actor);
    }
}
