using HccPathway.Contracts;
using HccPathway.Scheduling.Subscriptions.Topics;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.Subscriptions.Notifying;

/// <summary>
/// Queues a notification for every subscription of the event's hospital whose topic and filter match. Idempotent by
/// event id (the bus message id): the numbers and the queued notifications commit with the dedupe record, so a
/// redelivered event is numbered once per subscription.
/// </summary>
public sealed class PlanEventNotifier<TEvent>(IDocumentStore store, TimeProvider clock) : IdempotentConsumer<TEvent>(store, clock)
    where TEvent : class
{
    public const string Name = "subscription-notifier";

    protected override string ConsumerName => Name;

    protected override async Task Handle(ConsumeContext<TEvent> context, IDocumentSession session)
    {
        var change = PlanItemChange.Of(context.Message);
        var topic = PlanItemTopics.OfEvent(typeof(TEvent));
        var subscriptions = await session.Query<PlanSubscription>()
            .Where(s => s.Topic == topic.Code && (s.PathwayId == null || s.PathwayId == change.PathwayId))
            .ToListAsync(context.CancellationToken);

        var eventId = context.MessageId!.Value;
        var now = Clock.GetUtcNow();
        foreach (var subscription in subscriptions)
        {
            // The version check makes a concurrent numbering (another replica) lose and number again, never reuse a number.
            var number = subscription.EventsSinceStart + 1;
            session.UpdateExpectedVersion(subscription with { EventsSinceStart = number }, subscription.Version);
            session.Insert(new PendingNotification
            {
                Id = PendingNotification.IdOf(subscription.Id, number),
                SubscriptionId = subscription.Id,
                EventNumber = number,
                PathwayId = change.PathwayId,
                EventId = eventId,
                Topic = topic.Code,
                ItemId = change.ItemId,
                ItemType = change.ItemType,
                Drug = change.Drug,
                DueOn = change.DueOn,
                OccurredAt = change.OccurredAt,
                NextAttemptAt = now,
            });
        }
    }
}

/// <summary>
/// Every plan event goes through one queue, one message at a time: the relay publishes each pathway's events in order,
/// so numbering them in arrival order keeps each pathway's notifications in its stream order.
/// </summary>
public sealed class PlanEventNotifierDefinition<TEvent> : ConsumerDefinition<PlanEventNotifier<TEvent>>
    where TEvent : class
{
    public const string Queue = $"{Owners.Scheduling}-subscription-notifications";

    public PlanEventNotifierDefinition()
    {
        EndpointName = Queue;
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<PlanEventNotifier<TEvent>> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.ConcurrentMessageLimit = 1;
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = 1;
        }

        consumerConfigurator.UseMessageRetry(r =>
        {
            r.Ignore<ArgumentException>();
            r.Exponential(10, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(500));
        });
    }
}

public static class PlanEventNotifierRegistration
{
    /// <summary>One notifier per plan event type that a topic names, all on the one ordered queue.</summary>
    public static IBusRegistrationConfigurator AddPlanEventNotifiers(this IBusRegistrationConfigurator bus)
    {
        foreach (var type in PlanItemTopics.All.SelectMany(t => t.Events))
        {
            bus.AddConsumer(typeof(PlanEventNotifier<>).MakeGenericType(type), typeof(PlanEventNotifierDefinition<>).MakeGenericType(type));
        }

        return bus;
    }
}
