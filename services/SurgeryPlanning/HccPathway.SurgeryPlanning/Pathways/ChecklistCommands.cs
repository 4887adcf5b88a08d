using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;
using Marten;

namespace HccPathway.SurgeryPlanning.Pathways;

/// <summary>
/// Runs a surgery-planning command: the decider sees the pathway state and the patient's checklist; what it appends is
/// folded into the checklist, readiness is re-evaluated (appended only on change) and the checklist is stored, all in
/// the writer's transaction. A refusal appends and stores nothing.
/// </summary>
public sealed class ChecklistCommands(IDocumentSession session, PathwayWriter writer, ClinicalRuleSet rules)
{
    public DateTimeOffset Now => writer.Now;

    public DateOnly Today => ClinicalDates.LatestPossibleToday(writer.Now);

    public ClinicalRuleSet Rules => rules;

    public async Task<IResult> Append(
        Guid pathwayId, string? ifMatch, Func<SurgeryPathway, PatientChecklist, Decision> decide, CancellationToken ct)
    {
        var checklist = await session.LoadAsync<PatientChecklist>(pathwayId, ct) ?? new PatientChecklist { Id = pathwayId };
        return await writer.Append<SurgeryPathway>(pathwayId, ifMatch, state =>
        {
            var decision = decide(state, checklist);
            if (decision.Rejection is not null)
            {
                return decision;
            }

            var events = decision.Events.ToList();
            foreach (var e in events)
            {
                OwnEvents.Apply(checklist, e);
            }

            if (ReadinessChanges.Reevaluate(checklist, ReadinessEvaluator.Evaluate(checklist, Today, rules), null, Now) is { } readiness)
            {
                events.Add(readiness);
            }

            session.Store(checklist);
            return Decision.Append([.. events]);
        }, ct);
    }
}
