using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Holds;

/// <summary>
/// SCHED-HOLD: derives the holds of one adverse event from everything known about it (the clinical library's
/// <c>HoldRules</c>: grade ≥ 3 and treatment-related opens a hold on each suspected drug; back to grade ≤ 1 makes it
/// resumable), and appends only what the stream does not say yet. Running it twice, or on facts that arrived in
/// another order, gives the same stream. After Assessment corrects the adverse event or enters it in error, an open hold
/// of it that is no longer derived is released (<see cref="TreatmentHoldReleased"/>, naming the correction), and a
/// hold the corrected grade now calls for is opened.
/// </summary>
public static class ReconcileHolds
{
    public static Decision Decide(TherapyPlan plan, Guid pathwayId, AdverseEventLedger ledger, ClinicalRuleSet rules, DateTimeOffset now)
    {
        // PATH-EXIT: no holds are opened for a patient who has left the pathway.
        if (plan.HasExited)
        {
            return Decision.Append();
        }

        if (ledger.EnteredInError)
        {
            return Decision.Append([.. Releases(plan, pathwayId, ledger, derived: new HashSet<Guid>(), "entered-in-error", rules, now)]);
        }

        if (!ledger.Reported || ledger.Gradings.Count == 0)
        {
            return Decision.Append();
        }

        var derived = HoldRules.HoldsFromAdverseEvents([ledger.ToClinical()], rules);
        if (!derived.TryGetValue(out var holds))
        {
            return Rejection.Invalid("adverseEvent",
                $"Adverse event {ledger.Id} cannot be evaluated: " + string.Join("; ", derived.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var events = new List<object>();
        var derivedIds = new HashSet<Guid>();
        var gradings = ledger.ToClinical().Gradings;
        foreach (var byDrug in holds.GroupBy(h => h.Component))
        {
            var drug = PlanIds.DrugOf(byDrug.Key);
            var ordinal = 0;
            foreach (var hold in byDrug.OrderBy(h => h.From))
            {
                var holdId = HoldIds.For(ledger.Id, drug, ++ordinal);
                derivedIds.Add(holdId);
                var known = plan.Holds.FirstOrDefault(h => h.HoldId == holdId);
                if (known is null)
                {
                    var grade = gradings.First(g => g.Date == hold.From).Grade;
                    events.Add(new TreatmentHeld(pathwayId, holdId, drug, hold.From, ledger.Id, ledger.CtcaeTerm, grade, "SCHED-HOLD", rules.Version, now));
                }

                if (hold.Until is { } until && known?.ResumableFrom is null)
                {
                    var grade = gradings.First(g => g.Date == until).Grade;
                    events.Add(new TreatmentResumable(pathwayId, holdId, drug, ledger.Id, grade, until, "SCHED-HOLD", rules.Version, now));
                }
            }
        }

        // Only a correction can take away what was derived before: without one, gradings only ever add facts.
        return Decision.Append([.. Releases(plan, pathwayId, ledger, derivedIds, "corrected", rules, now), .. events]);
    }

    private static IEnumerable<object> Releases(
        TherapyPlan plan, Guid pathwayId, AdverseEventLedger ledger, IReadOnlySet<Guid> derived, string reason, ClinicalRuleSet rules, DateTimeOffset now) =>
        ledger.CorrectionId is not { } cause
            ? []
            : plan.Holds
                .Where(h => h.AdverseEventId == ledger.Id && h.IsOpen && !derived.Contains(h.HoldId))
                .Select(h => new TreatmentHoldReleased(pathwayId, h.HoldId, h.Drug, ledger.Id, cause, reason, "SCHED-HOLD", rules.Version, now));
}
