using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.SurgeryPlanning.Readiness;
using HccPathway.SurgeryPlanning.Resection;
using Marten;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>
/// The one way a changed checklist is saved by a consumer: re-evaluate SURG-READY (and SURG-RISK after a resection),
/// append to the pathway only what changed, and store the checklist, all in the caller's session and transaction.
/// </summary>
public static class ChecklistWrites
{
    public static async Task SaveAndReevaluate(
        IDocumentSession session, PatientChecklist checklist, ClinicalRuleSet rules, DateTimeOffset now, Guid triggeredBy, CancellationToken ct)
    {
        // Every message comes from an event of an existing pathway; a stream that is not (yet) there is never created here.
        if (await session.Events.FetchStreamStateAsync(checklist.Id, ct) is { } stream)
        {
            var today = ClinicalDates.LatestPossibleToday(now);
            var events = new List<object>();
            if (ReadinessChanges.Reevaluate(checklist, ReadinessEvaluator.Evaluate(checklist, today, rules), triggeredBy, now) is { } readiness)
            {
                events.Add(readiness);
            }

            if (RecurrenceRiskChanges.Reevaluate(checklist, rules, now) is { } risk)
            {
                events.Add(risk);
            }

            if (events.Count > 0)
            {
                // With the version it expects (the stream's after this append), a concurrent append by another
                // service fails before it takes sequence numbers, and the message is retried on the new state.
                session.Events.Append(checklist.Id, stream.Version + events.Count, events.ToArray());
            }
        }

        session.Store(checklist);
    }
}
