using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;

namespace HccPathway.SurgeryPlanning.Readiness.StaleEvidence;

/// <summary>
/// SURG-READY: evidence older than <see cref="ClinicalRuleSet.ReadinessMaximumEvidenceAgeDays"/> no longer supports a
/// criterion. On the patient's hospital <c>today</c>, every evidence event the clinical rule now reports as stale, and
/// whose staleness is not recorded yet, becomes a <see cref="ReadinessEvidenceWentStale"/>; the readiness it changes
/// follows as the usual <see cref="SurgicalReadinessEvaluated"/>. Nothing stale, or a pathway left: refused, nothing
/// appended. Mutates the checklist as every readiness write does (the caller stores it with the events).
/// </summary>
public static class MarkStaleEvidence
{
    public const string RuleId = "SURG-READY";

    /// <summary>The first day evidence recorded on <paramref name="recordedOn"/> is stale (SurgicalReadiness: older than the maximum age).</summary>
    public static DateOnly StaleOn(DateOnly recordedOn, ClinicalRuleSet rules) => recordedOn.AddDays(rules.ReadinessMaximumEvidenceAgeDays + 1);

    public static Guid EventId(Guid pathwayId, Guid evidenceEventId) =>
        DeadlineEventIds.NameBased($"readiness-evidence-stale/{pathwayId:N}/{evidenceEventId:N}");

    public static Decision Decide(SurgeryPathway pathway, PatientChecklist checklist, DateOnly today, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (pathway.Exit is not null || checklist.Exit is not null)
        {
            return Rejection.Conflict("The patient has left the pathway; readiness is closed.", "PATHWAY-EXITED");
        }

        var snapshot = ReadinessEvaluator.Evaluate(checklist, today, rules);

        // The clinical rule says which criteria are unknown for stale evidence (its "stale: …" note, also inside a combined
        // criterion's notes); of their evidence, the pieces past the age are the stale ones (SurgicalReadiness.IsStale).
        var oldest = today.AddDays(-rules.ReadinessMaximumEvidenceAgeDays);
        var stale = snapshot.Criteria
            .Where(c => c.Status == CriterionStatuses.Unknown && c.Missing?.Contains("stale: ", StringComparison.Ordinal) == true)
            .SelectMany(c => c.Evidence.Where(e => e.On < oldest).Select(e => (c.Key, Evidence: e)))
            .Where(x => !pathway.StaleEvidenceIds.Contains(x.Evidence.EventId))
            .GroupBy(x => x.Evidence)
            .Select(g => new ReadinessEvidenceWentStale(
                pathway.Id, g.Key.EventId, g.Key.On, StaleOn(g.Key.On, rules), rules.ReadinessMaximumEvidenceAgeDays,
                g.Select(x => x.Key).Distinct().ToArray(), RuleId, rules.Version, now))
            .ToList();
        if (stale.Count == 0)
        {
            return Rejection.Conflict($"No readiness evidence went stale by {today:yyyy-MM-dd}.", RuleId);
        }

        var events = new List<object>(stale);
        foreach (var e in stale)
        {
            OwnEvents.Apply(checklist, e);
        }

        if (ReadinessChanges.Reevaluate(checklist, snapshot, EventId(pathway.Id, stale[0].EvidenceEventId), now) is { } readiness)
        {
            events.Add(readiness);
        }

        return Decision.Append([.. events]);
    }
}
