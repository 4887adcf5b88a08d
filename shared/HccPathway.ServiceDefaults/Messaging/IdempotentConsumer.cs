using HccPathway.Contracts;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Tenancy;
using Marten;
using Marten.Services;
using JasperFx;
using MassTransit;

namespace HccPathway.ServiceDefaults.Messaging;

/// <summary>
/// Delivery is at least once. This consumer records <c>(consumer, message id)</c> in the same Marten transaction as
/// whatever the handler writes, so a redelivered or duplicated message has no second effect.
/// </summary>
public abstract class IdempotentConsumer<TMessage>(IDocumentStore store, TimeProvider clock) : IConsumer<TMessage>
    where TMessage : class
{
    protected TimeProvider Clock => clock;

    /// <summary>Stable name of this consumer; part of the deduplication key.</summary>
    protected abstract string ConsumerName { get; }

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{ConsumerName} received a message without a message id.");

        // A handler appends with the version it fetched; losing that race to another service's append is not a fault
        // of the message, so it is handled again on the new state before the endpoint's retry policy is involved.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ConsumeOnce(context, messageId);
                return;
            }
            catch (Exception e) when (VersionRace.IsLost(e) && VersionRace.MayRetry(attempt))
            {
                await VersionRace.Pause(attempt, context.CancellationToken);
            }
        }
    }

    private async Task ConsumeOnce(ConsumeContext<TMessage> context, Guid messageId)
    {
        var key = $"{ConsumerName}/{messageId}";

        // The effects belong to the hospital of the event that caused them.
        var hospital = context.GetServiceOrCreateInstance<Hospitals>().OfHeader(context.Headers.Get<string>(RelayHeaders.Hospital));
        await using var session = store.LightweightSession(new SessionOptions { TenantId = hospital });
        session.LastModifiedBy = ConsumerName;
        session.SetHeader("consumer", ConsumerName);
        session.CausationId = messageId.ToString();
        session.CorrelationId = (context.CorrelationId ?? context.ConversationId ?? messageId).ToString();

        if (await session.LoadAsync<ProcessedMessage>(key, context.CancellationToken) is not null)
        {
            return;
        }

        await Handle(context, session);
        session.Insert(new ProcessedMessage(key, ConsumerName, messageId, clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(context.CancellationToken);
        }
        catch (DocumentAlreadyExistsException e) when (e.DocumentType == typeof(ProcessedMessage))
        {
            // A concurrent delivery of the same message committed first; this one's effects were rolled back.
        }
    }

    /// <summary>As <see cref="AppendToExisting{TState}(IDocumentSession, Guid, Func{TState, CancellationToken, Task{Decision}}, CancellationToken, Func{TState})"/>, for a decider that needs nothing but the state.</summary>
    protected static Task AppendToExisting<TState>(
        IDocumentSession session, Guid pathwayId, Func<TState, Decision> decide, CancellationToken cancellation,
        Func<TState>? beforeFirstApply = null)
        where TState : class =>
        AppendToExisting<TState>(session, pathwayId, (state, _) => Task.FromResult(decide(state)), cancellation, beforeFirstApply);

    /// <summary>
    /// A reaction's write: the same fetch–decide–append as an HTTP command (<see cref="PathwayAppend"/>), on this
    /// message's session and committed with its dedupe record. The decider runs once the stream's lock is held, so what
    /// it loads of the service's own documents is not changed under it by another message of the same pathway.
    /// </summary>
    /// <remarks>
    /// A relay publishes only after the stream is committed, so a message about a pathway that does not exist is broken:
    /// retried, then moved to the error queue, as is a message the decider refuses as a conflict. A message it refuses as
    /// invalid cannot succeed on retry and goes to the error queue at once.
    /// </remarks>
    protected static async Task AppendToExisting<TState>(
        IDocumentSession session, Guid pathwayId, Func<TState, CancellationToken, Task<Decision>> decide, CancellationToken cancellation,
        Func<TState>? beforeFirstApply = null)
        where TState : class
    {
        var (exists, decision, _) = await PathwayAppend.Decide(session, pathwayId, null, decide, cancellation, beforeFirstApply);
        if (!exists)
        {
            throw new InvalidOperationException($"Pathway {pathwayId} does not exist in the event store.");
        }

        switch (decision.Rejection)
        {
            case { Kind: RejectionKind.Invalid } invalid:
                throw new ArgumentException($"{invalid.Title} {invalid.Detail}");
            case { } refused:
                throw new InvalidOperationException($"{refused.Title} {refused.Detail}");
        }
    }

    /// <summary>Today at the hospital the message belongs to: the hospital its <paramref name="session"/> is open for.</summary>
    protected static DateOnly TodayAtHospital(ConsumeContext context, IDocumentSession session) =>
        context.GetServiceOrCreateInstance<HospitalClock>().Today(session.TenantId);

    /// <summary>Handle the message, writing only through <paramref name="session"/>; it is committed with the dedupe record.</summary>
    protected abstract Task Handle(ConsumeContext<TMessage> context, IDocumentSession session);
}
