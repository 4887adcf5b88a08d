using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Adjuvant;

/// <summary>Plans adjuvant therapy (SURG-ADJ) when the surgery-planning service decides it; once per pathway.</summary>
public sealed class AdjuvantTherapyConsumer : IdempotentConsumer<AdjuvantTherapyDecided>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public AdjuvantTherapyConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-plan-adjuvant";

    protected override async Task Handle(ConsumeContext<AdjuvantTherapyDecided> context, IDocumentSession session)
    {
        var decision = context.Message;
        await AppendToExisting<TherapyPlan>(session, decision.PathwayId,
            plan => PlanAdjuvant.Decide(plan, decision, context.MessageId!.Value, rules, clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = decision.PathwayId });
    }
}

public sealed class AdjuvantTherapyConsumerDefinition : RetryingConsumerDefinition<AdjuvantTherapyConsumer>;
