using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans.Labs;

/// <summary>
/// SCHED-LAB: blood count, liver and thyroid function are drawn <see cref="ClinicalRuleSet.PreDoseLabsDaysBefore"/> days
/// before each camrelizumab dose and each TACE session, so the result is back when the dose is decided. The labs are a
/// plan item of their own (<c>LAB-CAM-3</c> before <c>CAM-3</c>) that follows its dose with a negative offset, so the
/// cascade moves them with it; a dose skipped or cancelled cancels its labs.
/// </summary>
public static class PreDoseLabs
{
    public const string RuleId = "SCHED-LAB";
    private const string By = "scheduling";

    public static string IdFor(string doseItemId) => PlanIds.PreDoseLabsPrefix + doseItemId;

    /// <summary>The labs to plan for outstanding doses and sessions that have none, and the labs to cancel because their dose will not happen.</summary>
    public static IReadOnlyList<object> Restore(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var events = new List<object>();
        foreach (var labs in plan.Items.Where(i => i.ItemType == TherapyItemTypes.PreDoseLabs && i.IsOutstanding))
        {
            // The id names the dose even after a coordinator fixed the labs to a date of their own.
            if (plan.Find(labs.ItemId[PlanIds.PreDoseLabsPrefix.Length..]) is { State: ItemState.Cancelled or ItemState.Skipped } dose)
            {
                events.Add(new TherapyItemCancelled(plan.Id, labs.ItemId, labs.ItemType, labs.Drug, labs.DueOn,
                    $"{RuleId}: {dose.ItemId} will not be given ({dose.State.ToString().ToLowerInvariant()}).", RuleId, By, now));
            }
        }

        var daysBefore = rules.PreDoseLabsDaysBefore;
        events.AddRange(plan.Items
            .Where(i => i.IsOutstanding && i.ItemType is TherapyItemTypes.Camrelizumab or TherapyItemTypes.Tace && plan.Find(IdFor(i.ItemId)) is null)
            .Select(dose => new TherapyItemPlanned(plan.Id, IdFor(dose.ItemId), TherapyItemTypes.PreDoseLabs, PlanIds.NoDrug, dose.Phase, dose.Sequence,
                dose.DueOn.AddDays(-daysBefore), null, "", dose.ItemId, -daysBefore, RuleId, rules.Version, now)));
        return events;
    }
}
