using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Scheduling.TherapyPlans.FollowUp;

/// <summary>
/// SCHED-FU: after conversion failure (an MDT decision for second line), imaging no sooner than
/// <see cref="ClinicalRuleSet.FollowUpImagingMinimumWeeks"/> and no later than <see cref="ClinicalRuleSet.FollowUpImagingMaximumWeeks"/>
/// after the last study. Each study (<c>FU-n</c>) is due at the end of its window: the first that many weeks after the
/// last study (not before the decision), each next one after the previous study, so a study done early moves the rest
/// (the cascade). A rolling horizon like SCHED-IMG; it stops with a later decision, the adjuvant plan or an exit.
/// </summary>
public static class FollowUpImaging
{
    public const string RuleId = "SCHED-FU";

    public static bool Continues(TherapyPlan plan) =>
        plan.IsPlanned && !plan.HasExited && plan.Adjuvant is null && plan.ConversionEndedBy?.Outcome == MdtOutcomes.SecondLine;

    public static IReadOnlyList<TherapyItemPlanned> Extend(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (!Continues(plan))
        {
            return [];
        }

        var intervalDays = rules.FollowUpImagingMaximumWeeks * 7;
        var series = plan.Items.Where(i => i.ItemType == TherapyItemTypes.FollowUpImaging).ToList();
        var last = series.MaxBy(i => i.Sequence);
        var (lastId, lastOn, sequence) = last is null ? (null, default(DateOnly), 0) : (last.ItemId, last.ActualOn ?? last.DueOn, last.Sequence);
        var planned = new List<TherapyItemPlanned>();
        for (var outstanding = series.Count(i => i.IsOutstanding); outstanding < ResponseImaging.Horizon; outstanding++)
        {
            sequence++;
            var dueOn = lastId is null ? FirstDueOn(plan, intervalDays) : lastOn.AddDays(intervalDays);
            planned.Add(new TherapyItemPlanned(plan.Id, PlanIds.FollowUpImagingPrefix + sequence, TherapyItemTypes.FollowUpImaging, PlanIds.NoDrug,
                TherapyPhases.FollowUp, sequence, dueOn, null, "", lastId, lastId is null ? null : intervalDays, RuleId, rules.Version, now));
            (lastId, lastOn) = (PlanIds.FollowUpImagingPrefix + sequence, dueOn);
        }

        return planned;
    }

    // The last study of any imaging series; without one, the decision itself. Never before the decision.
    private static DateOnly FirstDueOn(TherapyPlan plan, int intervalDays)
    {
        var decidedOn = plan.ConversionEndedBy!.DecidedOn;
        var lastStudyOn = plan.Items
            .Where(i => i.State == ItemState.Done && i.ItemType is TherapyItemTypes.ResponseImaging or TherapyItemTypes.FollowUpImaging or TherapyItemTypes.Surveillance)
            .Select(i => (DateOnly?)i.ActualOn)
            .Max();
        var due = (lastStudyOn ?? decidedOn).AddDays(intervalDays);
        return due > decidedOn ? due : decidedOn;
    }
}
