using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Surgery;

/// <summary>
/// SURG-WASH: when the MDT decides to resect, plan each drug class's stop before the intended date: lenvatinib stops
/// its washout (7 days by default) before surgery, planned TACE and camrelizumab that would fall inside their washouts
/// are cancelled, and the clinical library gives the earliest safe surgery date from the last planned exposures.
/// Response imaging (SCHED-IMG) plans no more studies, and those on or after the intended date are cancelled.
/// </summary>
public static class PlanWashout
{
    private const string By = "scheduling";

    public static Decision Decide(TherapyPlan plan, MdtDecisionRecorded decision, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (decision.Outcome != MdtOutcomes.Resect || decision.IntendedSurgeryOn is not { } intended
            || plan.WashoutDecisionIds.Contains(decision.DecisionId) || plan.HasExited)
        {
            return Decision.Append();
        }

        var evaluatedOn = today;
        var events = new List<object>();
        var exposures = new List<(LastExposure Exposure, DateOnly? Actual)>();

        // Small-molecule TKI: a running course stops its washout before surgery (or today, if that is already too late).
        foreach (var stale in plan.Items.Where(i => i.ItemType == TherapyItemTypes.LenvatinibStop && i.IsOutstanding))
        {
            events.Add(Cancel(plan, stale, now, $"SURG-WASH: replaced by the washout for surgery on {intended:yyyy-MM-dd}."));
        }

        if (plan.LenvatinibRunning)
        {
            var stopOn = Max(evaluatedOn, WashoutPlanner.LastExposureAllowed(TherapyClass.SmallMoleculeTki, intended, rules));
            var number = plan.Items.Count(i => i.ItemType == TherapyItemTypes.LenvatinibStop) + 1;
            events.Add(new TherapyItemPlanned(plan.Id, PlanIds.LenvatinibStopPrefix + number, TherapyItemTypes.LenvatinibStop, Drugs.Lenvatinib,
                TherapyPhases.Washout, number, stopOn, null, "oral: last dose", null, null, "SURG-WASH", rules.Version, now));
            exposures.Add((new LastExposure(TherapyClass.SmallMoleculeTki, stopOn, Drugs.Lenvatinib), evaluatedOn));
        }
        else if (plan.LenvatinibLastDoseOn is { } lastDose)
        {
            exposures.Add((new LastExposure(TherapyClass.SmallMoleculeTki, lastDose, Drugs.Lenvatinib), lastDose));
        }

        // Items not yet given: keep those that end their washout by the intended date; cancel the others.
        foreach (var item in plan.Items.Where(i => i.IsOutstanding && i.Phase == TherapyPhases.Conversion))
        {
            // SCHED-IMG: response imaging stops with conversion. A study before the intended date gives no drug and
            // stays, as the last restaging before surgery; one on or after it has nothing left to assess.
            if (item.ItemType == TherapyItemTypes.ResponseImaging)
            {
                if (item.DueOn >= intended)
                {
                    events.Add(Cancel(plan, item, now, $"SURG-WASH: conversion ends with surgery on {intended:yyyy-MM-dd}; no response imaging (SCHED-IMG) after it."));
                }

                continue;
            }

            var days = WashoutPlanner.Washout(ClassOf(item), rules).Days;
            if (item.ItemType == TherapyItemTypes.LenvatinibStart
                || item.DueOn > WashoutPlanner.LastExposureAllowed(ClassOf(item), intended, rules) || item.DueOn >= intended)
            {
                events.Add(Cancel(plan, item, now, $"SURG-WASH: {item.Drug} on {item.DueOn:yyyy-MM-dd} would fall inside its {days}-day washout before surgery on {intended:yyyy-MM-dd}."));
            }
        }

        var cancelled = events.OfType<TherapyItemCancelled>().Select(c => c.ItemId).ToHashSet();
        foreach (var group in plan.Items.Where(i => i.ItemType is TherapyItemTypes.Tace or TherapyItemTypes.Camrelizumab).GroupBy(ClassOf))
        {
            var actual = group.Where(i => i.State == ItemState.Done).Select(i => i.ActualOn).Max();
            var planned = group.Where(i => i.IsOutstanding && !cancelled.Contains(i.ItemId)).Select(i => (DateOnly?)i.DueOn).Max();
            if ((planned ?? actual) is { } last)
            {
                exposures.Add((new LastExposure(group.Key, Max(last, actual ?? last), group.First().Drug), actual));
            }
        }

        // The library refuses exposures after "today": evaluate on the last planned exposure, which surgery cannot precede anyway.
        var evaluateOn = exposures.Select(x => x.Exposure.LastDate).Append(evaluatedOn).Max();
        var washout = WashoutPlanner.Plan(exposures.Select(x => x.Exposure).ToArray(), null, evaluateOn, rules);
        if (!washout.TryGetValue(out var result))
        {
            return Rejection.Invalid("decision", "Washout cannot be planned: " + string.Join("; ", washout.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var stops = result.Items.Select(i => new WashoutStop(
            Name(i.Class),
            i.Agent ?? "",
            exposures.First(x => x.Exposure.Class == i.Class).Actual,
            i.LastDate,
            i.WashoutDays,
            i.EarliestDate,
            i.Note)).ToArray();

        events.Insert(0, new WashoutPlanned(plan.Id == Guid.Empty ? decision.PathwayId : plan.Id, decision.DecisionId, intended, evaluatedOn, stops,
            result.EarliestSafeDate, intended >= result.EarliestSafeDate, result.ImmuneHepatitisExclusionRequired, result.OutstandingPrerequisites,
            result.RuleSetVersion, now));
        return Decision.Append([.. events]);
    }

    internal static TherapyClass ClassOf(PlanItem item) => item.ItemType switch
    {
        TherapyItemTypes.Tace => TherapyClass.Tace,
        TherapyItemTypes.Camrelizumab => TherapyClass.ImmuneCheckpointInhibitor,
        _ => TherapyClass.SmallMoleculeTki,
    };

    private static string Name(TherapyClass c) => c switch
    {
        TherapyClass.Tace => DrugClasses.Tace,
        TherapyClass.ImmuneCheckpointInhibitor => DrugClasses.ImmuneCheckpointInhibitor,
        TherapyClass.AntiAngiogenicAntibody => DrugClasses.AntiAngiogenicAntibody,
        _ => DrugClasses.SmallMoleculeTki,
    };

    private static TherapyItemCancelled Cancel(TherapyPlan plan, PlanItem item, DateTimeOffset now, string reason) =>
        new(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, reason, "SURG-WASH", By, now);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
