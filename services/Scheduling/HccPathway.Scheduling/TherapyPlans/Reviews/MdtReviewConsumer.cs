using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Reviews;

/// <summary>
/// Records the MDT review a decision fulfilled (SCHED-MDT) and starts or ends follow-up imaging (SCHED-FU) and
/// watch-and-wait surveillance (SCHED-SURV). A queue of its own beside the washout consumer's: both read the stream.
/// </summary>
public sealed class MdtReviewConsumer : IdempotentConsumer<MdtDecisionRecorded>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public MdtReviewConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-mdt-review";

    protected override async Task Handle(ConsumeContext<MdtDecisionRecorded> context, IDocumentSession session)
    {
        var decision = context.Message;
        await AppendToExisting<TherapyPlan>(session, decision.PathwayId,
            plan => FollowMdtDecision.Decide(plan, decision, rules, clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = decision.PathwayId });
    }
}

public sealed class MdtReviewConsumerDefinition : RetryingConsumerDefinition<MdtReviewConsumer>;
