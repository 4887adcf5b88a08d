using HccPathway.Intake.Pathways.Summaries;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;
using Marten;
using HccPathway.Intake.Pathways;

namespace HccPathway.Intake;

/// <summary>Intake's own documents and read models, in Intake's schema.</summary>
public static class IntakeDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<PatientSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PatientSummary>().Index(s => s.Phase).Index(s => s.LastChangedAt);
        // Writing folds the aggregate live, but Marten's FetchForWriting still maps it as a document the first time it is
        // used; mapped here, its (unused) table is part of the schema from the start instead of appearing later.
        options.Schema.For<IntakePathway>();
        options.Schema.For<ProcessedMessage>();
    }
}
