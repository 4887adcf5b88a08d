using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Exit;

/// <summary>Cancels the outstanding plan items when Intake records that the patient left the pathway (PATH-EXIT).</summary>
public sealed class PathwayExitedConsumer : IdempotentConsumer<PathwayExited>
{
    private readonly TimeProvider clock;

    public PathwayExitedConsumer(IDocumentStore store, TimeProvider clock)
        : base(store, clock)
    {
        this.clock = clock;
    }

    protected override string ConsumerName => "scheduling-close-on-exit";

    protected override async Task Handle(ConsumeContext<PathwayExited> context, IDocumentSession session)
    {
        var exit = context.Message;
        await AppendToExisting<TherapyPlan>(session, exit.PathwayId,
            plan => CloseOnExit.Decide(plan, exit, clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = exit.PathwayId });
    }
}

public sealed class PathwayExitedConsumerDefinition : RetryingConsumerDefinition<PathwayExitedConsumer>;
