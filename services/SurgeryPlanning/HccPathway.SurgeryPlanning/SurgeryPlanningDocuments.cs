using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using Marten;
using HccPathway.SurgeryPlanning.Pathways;

namespace HccPathway.SurgeryPlanning;

/// <summary>Surgery planning's own documents, in its schema.</summary>
public static class SurgeryPlanningDocuments
{
    public static void Configure(StoreOptions options)
    {
        // Consumers of different queues and the HTTP endpoints update one patient's checklist: a stale write is retried.
        options.Schema.For<PatientChecklist>().UseOptimisticConcurrency(true)
            .Metadata(m => m.TenantId.MapTo(c => c.Hospital));
        // Writing folds the aggregate live, but Marten's FetchForWriting still maps it as a document the first time it is
        // used; mapped here, its (unused) table is part of the schema from the start instead of appearing later.
        options.Schema.For<SurgeryPathway>();
        options.Schema.For<ProcessedMessage>();
    }
}
