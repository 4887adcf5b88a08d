using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Surgery;

/// <summary>
/// A resection booked, moved or cancelled in SurgeryPlanning: the message says only that the booking changed; the
/// booking itself is read from the stream (<see cref="FollowResectionBooking"/>), so the three share one reaction.
/// </summary>
public abstract class ResectionBookingConsumer<T> : IdempotentConsumer<T>
    where T : class
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    protected ResectionBookingConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected abstract Guid PathwayOf(T message);

    protected override Task Handle(ConsumeContext<T> context, IDocumentSession session) =>
        AppendToExisting<TherapyPlan>(session, PathwayOf(context.Message),
            plan => FollowResectionBooking.Decide(plan, rules, TodayAtHospital(context, session), clock.GetUtcNow()),
            context.CancellationToken,
            () => new TherapyPlan { Id = PathwayOf(context.Message) });
}

public sealed class ResectionScheduledConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ResectionBookingConsumer<ResectionScheduled>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-resection-scheduled";

    protected override Guid PathwayOf(ResectionScheduled message) => message.PathwayId;
}

public sealed class ResectionRescheduledConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ResectionBookingConsumer<ResectionRescheduled>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-resection-rescheduled";

    protected override Guid PathwayOf(ResectionRescheduled message) => message.PathwayId;
}

public sealed class ResectionCancelledConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
    : ResectionBookingConsumer<ResectionCancelled>(store, clock, rules)
{
    protected override string ConsumerName => "scheduling-resection-cancelled";

    protected override Guid PathwayOf(ResectionCancelled message) => message.PathwayId;
}

public sealed class ResectionScheduledConsumerDefinition : RetryingConsumerDefinition<ResectionScheduledConsumer>;

public sealed class ResectionRescheduledConsumerDefinition : RetryingConsumerDefinition<ResectionRescheduledConsumer>;

public sealed class ResectionCancelledConsumerDefinition : RetryingConsumerDefinition<ResectionCancelledConsumer>;
