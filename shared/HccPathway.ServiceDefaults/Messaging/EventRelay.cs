using HccPathway.Contracts;
using HccPathway.ServiceDefaults.EventStore;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>
/// The event store is the outbox: this subscription publishes each event the service owns, waits for the broker's
/// confirm, and only then lets the daemon advance its checkpoint. Delivery is at least once; nothing is lost and
/// there is no dual write. Streams are published in parallel, each stream's events in order.
/// </summary>
public sealed partial class EventRelay : SubscriptionBase
{
    /// <summary>
    /// Publishes awaiting their confirm at once, at most: one per stream, so each stream's events still go out in order,
    /// each after the confirm of the one before. The raw baseline (B2) keeps 256 outstanding; 16 left most of a page of
    /// single-event streams waiting for confirms one window after another.
    /// </summary>
    public const int ConfirmWindow = 256;

    private readonly IBus bus;
    private readonly ILogger<EventRelay> logger;

    public EventRelay(IBus bus, RelayedEvents relayed, ILogger<EventRelay> logger)
    {
        this.bus = bus;
        this.logger = logger;

        // The daemon's leader lock is per events schema and name: a name shared by two services would starve one.
        Name = $"{relayed.Service}-relay";
        foreach (var type in relayed.Types)
        {
            IncludeType(type);
        }

        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var streams = page.Events.GroupBy(e => e.StreamId);
        await Parallel.ForEachAsync(
            streams,
            new ParallelOptions { MaxDegreeOfParallelism = ConfirmWindow, CancellationToken = cancellationToken },
            async (stream, ct) =>
            {
                foreach (var e in stream.OrderBy(e => e.Version))
                {
                    await PublishUntilConfirmed(e, ct);
                }
            });

        if (logger.IsEnabled(LogLevel.Debug) && page.Events.Count > 0)
        {
            LogRelayed(page.Events.Count, page.SequenceFloor, page.SequenceCeiling, page.Events.Min(e => e.Sequence), page.Events.Max(e => e.Sequence));
        }

        return NullChangeListener.Instance;
    }

    // A broker outage must not skip events or stop the daemon: keep trying until it confirms or the relay stops.
    private Task PublishUntilConfirmed(IEvent e, CancellationToken stopping) =>
        UntilConfirmed.Publish(
            // Patient identity stays in the event store: subscribers get the registration with the identity masked.
            ct => bus.Publish(ProtectedIdentity.WithoutIdentity(e.Data), e.EventType, context => Stamp(context, e), ct),
            (attempt, delay, ex) => LogPublishFailed(e.Sequence, attempt, delay.TotalMilliseconds, ex.GetType().Name),
            stopping);

    private static void Stamp(PublishContext context, IEvent e)
    {
        context.MessageId = e.Id;
        if (Guid.TryParse(e.CorrelationId, out var correlationId))
        {
            context.CorrelationId = correlationId;
        }

        context.Headers.Set(RelayHeaders.PathwayId, e.StreamId.ToString());
        context.Headers.Set(RelayHeaders.StreamVersion, e.Version);
        context.Headers.Set(RelayHeaders.GlobalSequence, e.Sequence);
        context.Headers.Set(RelayHeaders.EventName, e.EventTypeName);
        context.Headers.Set(RelayHeaders.Hospital, e.TenantId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Relayed {Count} events of ({Floor}, {Ceiling}], sequences {First} to {Last}")]
    private partial void LogRelayed(int count, long floor, long ceiling, long first, long last);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Publishing event at sequence {Sequence} failed (attempt {Attempt}); retrying in {DelayMs} ms: {Error}")]
    private partial void LogPublishFailed(long sequence, int attempt, double delayMs, string error);
}
