using HccPathway.Assessment.ReadModels;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;
using Marten;

namespace HccPathway.Assessment;

/// <summary>Assessment's own documents and read models, in Assessment's schema.</summary>
public static class AssessmentDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<ResponseHistoryProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<MarkerTrendProjection>(ProjectionLifecycle.Inline);
        options.Projections.Add<AdverseEventListProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<ProcessedMessage>();
    }
}
