using HccPathway.Scheduling.Calendars;
using HccPathway.Scheduling.TherapyPlans.Holds;
using HccPathway.ServiceDefaults.Messaging;
using JasperFx.Events.Projections;
using Marten;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.Subscriptions;

namespace HccPathway.Scheduling;

/// <summary>Scheduling's own documents and read models, in Scheduling's schema.</summary>
public static class SchedulingDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Projections.Add(new CalendarProjection(), ProjectionLifecycle.Inline, CalendarProjection.Name);
        options.Schema.For<TherapyCalendar>();

        // The worklist is a range scan: due date for outstanding items, actual date for done ones, both with the state.
        options.Schema.For<WorklistEntry>()
            .Duplicate(e => e.State)
            .Duplicate(e => e.DueOn)
            .Duplicate(e => e.ActualOn)
            .Duplicate(e => e.PathwayId)
            .Index(e => e.ItemType)
            .Metadata(m => m.TenantId.MapTo(e => e.Hospital));
        options.Schema.For<AdverseEventLedger>().Index(l => l.PathwayId);
        // Writing folds the aggregate live, but Marten's FetchForWriting still maps it as a document the first time it is
        // used; mapped here, its (unused) table is part of the schema from the start instead of appearing later.
        options.Schema.For<TherapyPlan>();
        options.Schema.For<ProcessedMessage>();
        SubscriptionDocuments.Configure(options);
    }
}
