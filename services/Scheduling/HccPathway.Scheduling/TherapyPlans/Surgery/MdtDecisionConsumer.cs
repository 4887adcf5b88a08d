using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans.EndingConversion;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Surgery;

/// <summary>
/// An MDT decision to resect plans the washout (SURG-WASH); one for second line or watch-and-wait ends conversion
/// therapy (SCHED-CYCLES); continuing conversion changes nothing here.
/// </summary>
public sealed class MdtDecisionConsumer : IdempotentConsumer<MdtDecisionRecorded>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public MdtDecisionConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-plan-washout";

    protected override async Task Handle(ConsumeContext<MdtDecisionRecorded> context, IDocumentSession session)
    {
        var decision = context.Message;
        await AppendToExisting<TherapyPlan>(session, decision.PathwayId,
            plan => decision.Outcome == MdtOutcomes.Resect
                ? PlanWashout.Decide(plan, decision, rules, TodayAtHospital(context, session), clock.GetUtcNow())
                : EndConversion.Decide(plan, decision, clock.GetUtcNow()),
            context.CancellationToken,
            () => new TherapyPlan { Id = decision.PathwayId });
    }
}

public sealed class MdtDecisionConsumerDefinition : RetryingConsumerDefinition<MdtDecisionConsumer>;
