using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Regimen;

public class SchedulePropertyTests
{
    private static readonly DateOnly Epoch = new(2024, 1, 1);

    // A start date, a weight, how many plan steps have happened, and how late each one was (0–30 days).
    private static readonly Gen<(int StartOffset, decimal Kg, int Done, int[] Delays)> Scenario =
        from startOffset in Gen.Choose(0, 700)
        from kg in Gen.Choose(350, 1500).Select(x => x / 10m)
        from done in Gen.Choose(0, 8)
        from delays in Gen.ArrayOf(Gen.Choose(0, 30), 8)
        select (startOffset, kg, done, delays);

    private static LenTapPlan CascadedPlan((int StartOffset, decimal Kg, int Done, int[] Delays) s)
    {
        var rules = ClinicalRuleSet.Default;
        var plan = LenTapScheduler.Plan(Epoch.AddDays(s.StartOffset), WeightKg.FromKilograms(s.Kg), rules).Value;
        var actuals = new List<ActualAdministration>();
        var current = plan;
        // Record the steps one by one, each late by its delay, re-cascading as a service would.
        for (var i = 0; i < Math.Min(s.Done, current.Items.Count); i++)
        {
            var item = current.Items[i];
            actuals.Add(new ActualAdministration(item.ItemId, item.PlannedDate.AddDays(s.Delays[i])));
            current = LenTapScheduler.Cascade(plan, actuals, rules).Value;
        }

        return current;
    }

    [Property(MaxTest = 300)]
    public Property SCHED_CAM_schedule_is_strictly_increasing_in_time() =>
        Prop.ForAll(Scenario.ToArbitrary(), s =>
        {
            var items = CascadedPlan(s).Items;
            return items.Zip(items.Skip(1)).All(p => p.First.PlannedDate < p.Second.PlannedDate);
        });

    [Property(MaxTest = 300)]
    public Property SCHED_CAM_every_dose_is_at_least_14_days_after_the_actual_tace() =>
        Prop.ForAll(Scenario.ToArbitrary(), s =>
        {
            var plan = CascadedPlan(s);
            var tace = plan.Find("TACE-1")!.PlannedDate;
            return plan.Items.Where(i => i.Component == RegimenComponent.Camrelizumab).All(c => c.PlannedDate >= tace.AddDays(14));
        });

    [Property(MaxTest = 200)]
    public Property SCHED_LEN_dose_follows_the_weight_line() =>
        Prop.ForAll(Gen.Choose(250, 3000).Select(x => x / 10m).ToArbitrary(), kg =>
            LenTapScheduler.LenvatinibDose(WeightKg.FromKilograms(kg), ClinicalRuleSet.Default) == (kg >= 60m ? 12m : 8m));
}
