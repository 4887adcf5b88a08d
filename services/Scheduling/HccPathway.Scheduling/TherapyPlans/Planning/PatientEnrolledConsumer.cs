using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Messaging;
using Marten;
using MassTransit;

namespace HccPathway.Scheduling.TherapyPlans.Planning;

/// <summary>Plans the regimen on the patient's stream when Intake enrols them. Duplicates plan nothing twice.</summary>
public sealed class PatientEnrolledConsumer : IdempotentConsumer<PatientEnrolled>
{
    private readonly TimeProvider clock;
    private readonly ClinicalRuleSet rules;

    public PatientEnrolledConsumer(IDocumentStore store, TimeProvider clock, ClinicalRuleSet rules)
        : base(store, clock)
    {
        this.clock = clock;
        this.rules = rules;
    }

    protected override string ConsumerName => "scheduling-plan-regimen";

    protected override async Task Handle(ConsumeContext<PatientEnrolled> context, IDocumentSession session)
    {
        var enrolment = context.Message;
        await AppendToExisting<TherapyPlan>(session, enrolment.PathwayId,
            plan => PlanRegimen.Decide(plan, enrolment, context.MessageId!.Value, rules, TodayAtHospital(context, session), clock.GetUtcNow()), context.CancellationToken,
            () => new TherapyPlan { Id = enrolment.PathwayId });
    }
}

public sealed class PatientEnrolledConsumerDefinition : RetryingConsumerDefinition<PatientEnrolledConsumer>;
