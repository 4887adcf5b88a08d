using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Adjuvant;

/// <summary>
/// SURG-ADJ: plans the adjuvant course the surgery-planning service decided: lenvatinib restarts and camrelizumab every
/// 21 days (SCHED-CAM interval) from the start until the end of the course (<c>ADJ-END</c>), with labs before each dose
/// (SCHED-LAB). Whatever of the conversion plan is still outstanding is cancelled: surgery ended it. Surgery has
/// happened, so recurrence surveillance starts from its date (SCHED-SURV).
/// </summary>
public static class PlanAdjuvant
{
    public static Decision Decide(TherapyPlan plan, AdjuvantTherapyDecided decision, Guid decisionEventId, ClinicalRuleSet rules, DateTimeOffset now)
    {
        // PATH-EXIT: nothing is planned for a patient who has left the pathway.
        if (plan.Adjuvant is not null || plan.HasExited)
        {
            return Decision.Append();
        }

        var pathwayId = decision.PathwayId;
        var drugs = decision.Drugs.Count > 0 ? decision.Drugs : DefaultDrugs(decision.SurgeryOn, rules);
        var endOn = decision.StartOn.AddMonths(decision.DurationMonths);
        var events = new List<object>();
        events.AddRange(plan.Items.Where(i => i.IsOutstanding).Select(i => new TherapyItemCancelled(
            pathwayId, i.ItemId, i.ItemType, i.Drug, i.DueOn, "Superseded by adjuvant therapy after surgery (SURG-ADJ).", "SURG-ADJ", "scheduling", now)));

        var items = new List<TherapyItemPlanned>();
        if (drugs.Contains(Drugs.Lenvatinib))
        {
            var dose = plan.LenvatinibDoseMg > 0 ? plan.LenvatinibDoseMg : rules.LenvatinibDoseAtOrAboveThresholdMilligrams;
            items.Add(new TherapyItemPlanned(pathwayId, PlanIds.AdjuvantLenvatinib, TherapyItemTypes.LenvatinibStart, Drugs.Lenvatinib, TherapyPhases.Adjuvant,
                1, decision.StartOn, dose, "oral, once daily", null, null, "SURG-ADJ", rules.Version, now));
        }

        if (drugs.Contains(Drugs.Camrelizumab))
        {
            var n = 1;
            for (var due = decision.StartOn; due < endOn; due = due.AddDays(rules.CamrelizumabIntervalDays), n++)
            {
                items.Add(new TherapyItemPlanned(pathwayId, PlanIds.AdjuvantCamrelizumabPrefix + n, TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab,
                    TherapyPhases.Adjuvant, n, due, rules.CamrelizumabDoseMilligrams, "IV",
                    n == 1 ? null : PlanIds.AdjuvantCamrelizumabPrefix + (n - 1), n == 1 ? null : rules.CamrelizumabIntervalDays, "SURG-ADJ", rules.Version, now));
            }
        }

        // The end of the course is a step of its own: the visit that closes adjuvant therapy.
        items.Add(new TherapyItemPlanned(pathwayId, PlanIds.AdjuvantEnd, TherapyItemTypes.AdjuvantEnd, PlanIds.NoDrug, TherapyPhases.Adjuvant, 1, endOn, null, "",
            null, null, "SURG-ADJ", rules.Version, now));
        events.Add(new AdjuvantTherapyPlanned(pathwayId, decisionEventId, decision.SurgeryOn, decision.StartOn, endOn, decision.DurationMonths,
            drugs, items.Select(i => i.ItemId).ToArray(), rules.Version, now));
        events.AddRange(items);

        // Labs before each adjuvant dose (SCHED-LAB) and recurrence surveillance from the surgery date (SCHED-SURV).
        return Decision.Append([.. events, .. Horizon.Steps(ServiceDefaults.EventStore.AggregateFold<TherapyPlan>.Apply(plan, events), rules, now)]);
    }

    // SURG-ADJ default: continue the systemic part of the conversion regimen (the library drops TACE).
    private static IReadOnlyList<string> DefaultDrugs(DateOnly surgeryOn, ClinicalRuleSet rules) =>
        AdjuvantPlanner.Plan(surgeryOn, [RegimenComponent.Lenvatinib, RegimenComponent.Tace, RegimenComponent.Camrelizumab], null, rules)
            .Value.Components.Select(PlanIds.DrugOf).ToArray();
}
