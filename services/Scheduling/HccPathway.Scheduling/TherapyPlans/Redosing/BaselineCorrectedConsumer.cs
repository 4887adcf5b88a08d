using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Redosing;

/// <summary>
/// Intake corrected a baseline: the plan is re-dosed from the weight the stream now holds (SCHED-LEN). The message only
/// says that something changed; a correction of a superseded baseline, or one that keeps the dose, appends nothing.
/// </summary>
public sealed class BaselineCorrectedConsumer : IdempotentConsumer<BaselineCorrected>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public BaselineCorrectedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-redose-lenvatinib";

    protected override async Task Handle(ConsumeContext<BaselineCorrected> context, IDocumentSession session)
    {
        var pathwayId = context.Message.PathwayId;
        await AppendToExisting<TherapyPlan>(session, pathwayId,
            plan => RedoseLenvatinib.Decide(plan, rules, clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = pathwayId });
    }
}

public sealed class BaselineCorrectedConsumerDefinition : RetryingConsumerDefinition<BaselineCorrectedConsumer>;
