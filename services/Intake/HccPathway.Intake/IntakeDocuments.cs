using HccPathway.Intake.Pathways.Summaries;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;
using Marten;

namespace HccPathway.Intake;

/// <summary>Intake's own documents and read models, in Intake's schema.</summary>
public static class IntakeDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add<PatientSummaryProjection>(ProjectionLifecycle.Inline);
        options.Schema.For<PatientSummary>().Index(s => s.Phase).Index(s => s.LastChangedAt);
        options.Schema.For<ProcessedMessage>();
    }
}
