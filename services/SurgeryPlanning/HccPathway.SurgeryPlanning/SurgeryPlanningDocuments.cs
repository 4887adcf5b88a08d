using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using Marten;

namespace HccPathway.SurgeryPlanning;

/// <summary>Surgery planning's own documents, in its schema.</summary>
public static class SurgeryPlanningDocuments
{
    public static void Configure(StoreOptions options)
    {
        // Consumers of different queues and the HTTP endpoints update one patient's checklist: a stale write is retried.
        options.Schema.For<PatientChecklist>().UseOptimisticConcurrency(true);
        options.Schema.For<ProcessedMessage>();
    }
}
