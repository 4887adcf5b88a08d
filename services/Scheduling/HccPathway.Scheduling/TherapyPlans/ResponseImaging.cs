using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// SCHED-IMG: response imaging (CT or MRI, read with mRECIST) every <see cref="ClinicalRuleSet.ResponseImagingIntervalWeeks"/>
/// weeks from the regimen start, for as long as conversion continues (<see cref="TherapyPlan.ConversionCyclesContinue"/>).
/// Like the camrelizumab series (SCHED-CYCLES) it is a rolling horizon: <see cref="Horizon"/> studies stay outstanding,
/// and one done, skipped or cancelled plans the next. Study n follows LEN-1 by n intervals, so a moved start or a late
/// first lenvatinib dose moves every study with it (the cascade).
/// </summary>
/// <remarks>
/// A plan that has no study yet (written before SCHED-IMG, or enrolled long after its start) begins at the first slot
/// not already past: scans are not booked retroactively. Ids and sequences count slots from the start, so IMG-4 is
/// always the study 24 weeks in (with the default interval).
/// </remarks>
public static class ResponseImaging
{
    public const string RuleId = "SCHED-IMG";

    /// <summary>How many studies stay booked ahead. Local planning policy, not a clinical threshold: enough for a
    /// radiology department to book one study while the next is already visible.</summary>
    public const int Horizon = 2;

    /// <summary>The studies to plan so the series again has its horizon ahead, given the plan after the caller's events.</summary>
    public static IReadOnlyList<TherapyItemPlanned> Extend(TherapyPlan plan, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (!plan.ConversionCyclesContinue || plan.Find(PlanIds.LenvatinibStart) is not { } start)
        {
            return [];
        }

        var intervalDays = rules.ResponseImagingIntervalWeeks * 7;
        var anchor = start.ActualOn ?? start.DueOn;
        var series = plan.Items.Where(i => i.ItemType == TherapyItemTypes.ResponseImaging).ToList();
        var sequence = series.Count > 0 ? series.Max(i => i.Sequence) : FirstSlotNotPast(anchor, intervalDays, today) - 1;
        var planned = new List<TherapyItemPlanned>();
        for (var outstanding = series.Count(i => i.IsOutstanding); outstanding < Horizon; outstanding++)
        {
            sequence++;
            var daysAfterStart = sequence * intervalDays;
            planned.Add(new TherapyItemPlanned(plan.Id, PlanIds.ResponseImagingPrefix + sequence, TherapyItemTypes.ResponseImaging, PlanIds.NoDrug,
                TherapyPhases.Conversion, sequence, anchor.AddDays(daysAfterStart), null, "", start.ItemId, daysAfterStart, RuleId, rules.Version, now));
        }

        return planned;
    }

    private static int FirstSlotNotPast(DateOnly anchor, int intervalDays, DateOnly today)
    {
        var daysSinceStart = today.DayNumber - anchor.DayNumber;
        return daysSinceStart <= intervalDays ? 1 : (daysSinceStart + intervalDays - 1) / intervalDays;
    }
}
