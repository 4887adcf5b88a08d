using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// SCHED-CYCLES: conversion camrelizumab is given every 3 weeks until a decision stops it, so the plan is a rolling
/// horizon, not a fixed count: it keeps <see cref="ClinicalRuleSet.CamrelizumabPlannedDoses"/> doses outstanding, and
/// each dose given, skipped or cancelled plans the next one (21 days after the last dose of the series, SCHED-CAM).
/// Plans written with a fixed series of six doses extend the same way from their last dose. Deciders call it through
/// <see cref="Horizon.Restore"/>, with response imaging (SCHED-IMG).
/// </summary>
public static class Cycles
{
    /// <summary>The doses to plan so the series again has its horizon ahead, given the plan after the caller's events.</summary>
    public static IReadOnlyList<TherapyItemPlanned> Extend(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var series = plan.Items.Where(IsConversionCamrelizumab).ToList();
        if (!plan.ConversionCyclesContinue || series.Count == 0)
        {
            return [];
        }

        var planned = new List<TherapyItemPlanned>();
        var last = series.MaxBy(i => i.Sequence)!;
        var lastId = last.ItemId;
        var lastSequence = last.Sequence;
        var lastDate = last.ActualOn ?? last.DueOn;
        for (var outstanding = series.Count(i => i.IsOutstanding); outstanding < rules.CamrelizumabPlannedDoses; outstanding++)
        {
            lastSequence++;
            lastDate = lastDate.AddDays(rules.CamrelizumabIntervalDays);
            planned.Add(new TherapyItemPlanned(plan.Id, PlanIds.CamrelizumabPrefix + lastSequence, TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab,
                TherapyPhases.Conversion, lastSequence, lastDate, rules.CamrelizumabDoseMilligrams, "IV", lastId, rules.CamrelizumabIntervalDays,
                "SCHED-CYCLES", rules.Version, now));
            lastId = PlanIds.CamrelizumabPrefix + lastSequence;
        }

        return planned;
    }

    private static bool IsConversionCamrelizumab(PlanItem item) =>
        item.ItemType == TherapyItemTypes.Camrelizumab && item.Phase == TherapyPhases.Conversion;
}
