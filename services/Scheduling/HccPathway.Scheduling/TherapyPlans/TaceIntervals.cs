using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>SCHED-TACE-REPEAT: two TACE sessions at least <see cref="ClinicalRuleSet.TaceRepeatMinimumIntervalDays"/> apart.</summary>
public static class TaceIntervals
{
    public const string RuleId = "SCHED-TACE-REPEAT";

    public static IEnumerable<PlanItem> Sessions(TherapyPlan plan) => plan.Items.Where(i => i.ItemType == TherapyItemTypes.Tace);

    public static PlanItem? LastPerformed(TherapyPlan plan) =>
        Sessions(plan).Where(i => i.State == ItemState.Done).MaxBy(i => i.ActualOn);

    /// <summary>The latest session that happened or is still to happen (skipped and cancelled ones do not count).</summary>
    public static (PlanItem Item, DateOnly On)? Latest(TherapyPlan plan) =>
        Sessions(plan)
            .Where(i => i.State is ItemState.Done or ItemState.Planned)
            .Select(i => ((PlanItem Item, DateOnly On)?)(i, i.ActualOn ?? i.DueOn))
            .MaxBy(x => x!.Value.On);

    public static Rejection? TooSoon(DateOnly previous, DateOnly next, ClinicalRuleSet rules)
    {
        var earliest = previous.AddDays(rules.TaceRepeatMinimumIntervalDays);
        return next < earliest
            ? Rejection.Conflict(
                $"A TACE session on {next:yyyy-MM-dd} would be less than {rules.TaceRepeatMinimumIntervalDays} days after the session on {previous:yyyy-MM-dd}; the earliest is {earliest:yyyy-MM-dd} ({RuleId}).",
                RuleId)
            : null;
    }
}
