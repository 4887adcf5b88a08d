using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.RecordingImaging;

/// <summary>Records the response imaging item a follow-up study fulfilled (SCHED-IMG).</summary>
public sealed class ResponseAssessedConsumer : IdempotentConsumer<ResponseAssessed>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public ResponseAssessedConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-response-imaging";

    protected override async Task Handle(ConsumeContext<ResponseAssessed> context, IDocumentSession session)
    {
        var assessed = context.Message;
        await AppendToExisting<TherapyPlan>(session, assessed.PathwayId,
            plan => RecordResponseImaging.Decide(plan, assessed, rules, TodayAtHospital(context, session), clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = assessed.PathwayId });
    }
}

public sealed class ResponseAssessedConsumerDefinition : RetryingConsumerDefinition<ResponseAssessedConsumer>;
