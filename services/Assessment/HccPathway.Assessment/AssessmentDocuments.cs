using HccPathway.Assessment.ReadModels;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;
using Marten;
using HccPathway.Assessment.Pathways;

namespace HccPathway.Assessment;

/// <summary>Assessment's own documents and read models, in Assessment's schema.</summary>
public static class AssessmentDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<ResponseHistoryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MarkerTrendProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<AdverseEventListProjection>(ProjectionLifecycle.Inline);
        // The hospital is the row's tenant; the CcrStabilitySweep reads it to decide each pathway in its own hospital.
        options.Schema.For<ResponseHistory>().Metadata(m => m.TenantId.MapTo(h => h.Hospital));
        // Writing folds the aggregate live, but Marten's FetchForWriting still maps it as a document the first time it is
        // used; mapped here, its (unused) table is part of the schema from the start instead of appearing later.
        options.Schema.For<AssessmentPathway>();
        options.Schema.For<ProcessedMessage>();
    }
}
