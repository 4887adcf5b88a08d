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
/// <remarks>
/// The checklist is kept up to date by other services' messages, which can arrive after a user acts on what another
/// service already accepted (an adverse event resolved in Assessment a moment before the resection is booked here).
/// A command therefore decides on the checklist caught up with the pathway stream itself: every fact the stream holds
/// is recorded first, the same way its message will be (idempotently), so no command is refused for a fact that is
/// already in the record.
/// </remarks>
public sealed class ChecklistCommands(IDocumentSession session, PathwayWriter writer, ClinicalRuleSet rules)
{
    public DateTimeOffset Now => writer.Now;

    public DateOnly Today => writer.Today;

    public ClinicalRuleSet Rules => rules;

    public Task<IResult> Append(
        Guid pathwayId, string? ifMatch, Func<SurgeryPathway, PatientChecklist, Decision> decide, CancellationToken ct) =>
        writer.Append<SurgeryPathway>(pathwayId, ifMatch, (state, token) => Decide(pathwayId, state, decide, token), ct);

    private async Task<Decision> Decide(
        Guid pathwayId, SurgeryPathway state, Func<SurgeryPathway, PatientChecklist, Decision> decide, CancellationToken ct)
    {
        var checklist = await CaughtUpChecklist(pathwayId, ct);
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
    }

    private async Task<PatientChecklist> CaughtUpChecklist(Guid pathwayId, CancellationToken ct)
    {
        var checklist = await session.LoadAsync<PatientChecklist>(pathwayId, ct) ?? new PatientChecklist { Id = pathwayId };
        foreach (var e in await session.Events.FetchStreamAsync(pathwayId, token: ct))
        {
            FactRecording.RecordUpstream(checklist, e.Data, e.Id);
        }

        return checklist;
    }
}
