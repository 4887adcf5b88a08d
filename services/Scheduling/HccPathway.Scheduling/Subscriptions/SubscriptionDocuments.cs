using HccPathway.Scheduling.Subscriptions.Notifying;
using Marten;

namespace HccPathway.Scheduling.Subscriptions;

/// <summary>Subscriptions, their delivery state and their queues: documents of the subscribing hospital.</summary>
public static class SubscriptionDocuments
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<PlanSubscription>()
            .UseOptimisticConcurrency(true)
            .Duplicate(s => s.Topic)
            .Metadata(m =>
            {
                m.TenantId.MapTo(s => s.Hospital);
                m.Version.MapTo(s => s.Version);
            });
        options.Schema.For<SubscriptionDeliveryState>()
            .Metadata(m => m.TenantId.MapTo(s => s.Hospital));

        // The worker reads the due heads of every (subscription, pathway) lane in event order.
        options.Schema.For<PendingNotification>()
            .Duplicate(n => n.SubscriptionId)
            .Duplicate(n => n.NextAttemptAt)
            .Duplicate(n => n.EventNumber)
            .Metadata(m => m.TenantId.MapTo(n => n.Hospital));
    }
}
