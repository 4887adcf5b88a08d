using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Redosing;

/// <summary>
/// SCHED-LEN after a corrected baseline weight: the dose for the weight now in effect (12 mg at or above the threshold,
/// 8 mg below, by default) replaces the planned dose on every outstanding lenvatinib start that still has the planned
/// dose. A dose a clinician set otherwise, and a course already running, are left to the clinician
/// (<c>ChangeLenvatinibDose</c>). The weight is read from the stream, not from the message, so a redelivered or
/// reordered correction re-doses once, to the latest weight.
/// </summary>
public static class RedoseLenvatinib
{
    public static Decision Decide(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        // PATH-EXIT: nothing more is planned for a patient who has left; before planning, PlanRegimen takes the weight itself.
        if (!plan.IsPlanned || plan.HasExited || plan.BaselineWeightKg is not { } weight || plan.BaselineWeightCorrectionId is not { } cause)
        {
            return Decision.Append();
        }

        var dose = LenTapScheduler.LenvatinibDose(WeightKg.FromKilograms(weight), rules);
        if (dose == plan.PlannedLenvatinibDoseMg)
        {
            return Decision.Append();
        }

        return Decision.Append(plan.Items
            .Where(i => i.ItemType == TherapyItemTypes.LenvatinibStart && i.Drug == Drugs.Lenvatinib && i.IsOutstanding && i.DoseMg == plan.PlannedLenvatinibDoseMg)
            .Select(i => (object)new TherapyItemRedosed(
                plan.Id, i.ItemId, i.ItemType, i.Drug, i.DueOn, i.DoseMg!.Value, dose, weight, cause, "SCHED-LEN", rules.Version, now))
            .ToArray());
    }
}
