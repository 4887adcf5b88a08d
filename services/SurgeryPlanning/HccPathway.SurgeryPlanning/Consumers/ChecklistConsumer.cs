using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using Marten;
using MassTransit;

namespace HccPathway.SurgeryPlanning.Consumers;

/// <summary>
/// Records one upstream message in the patient's checklist and re-evaluates readiness. Duplicates are dropped by the
/// idempotent base; out-of-order arrivals are absorbed by the fact recording; two messages of one patient handled at
/// once conflict on the checklist's version and the loser is retried.
/// </summary>
public abstract class ChecklistConsumer<TMessage>(IDocumentStore store, TimeProvider timeProvider, ClinicalRuleSet rules)
    : IdempotentConsumer<TMessage>(store, timeProvider)
    where TMessage : class
{
    private readonly TimeProvider clock = timeProvider;

    protected abstract Guid PathwayIdOf(TMessage message);

    protected abstract void Record(PatientChecklist checklist, TMessage message, Guid eventId);

    protected override async Task Handle(ConsumeContext<TMessage> context, IDocumentSession session)
    {
        var pathwayId = PathwayIdOf(context.Message);
        var eventId = context.MessageId!.Value;
        var checklist = await session.LoadAsync<PatientChecklist>(pathwayId, context.CancellationToken)
                        ?? new PatientChecklist { Id = pathwayId };
        Record(checklist, context.Message, eventId);
        await AppendToExisting<SurgeryPathway>(session, pathwayId,
            _ => ChecklistWrites.Reevaluate(checklist, rules, TodayAtHospital(context, session), clock.GetUtcNow(), eventId), context.CancellationToken);
        session.Store(checklist);
    }
}
