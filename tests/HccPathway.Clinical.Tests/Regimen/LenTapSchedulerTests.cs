using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Regimen;

public class LenTapSchedulerTests
{
    private static readonly DateOnly Start = new(2025, 3, 3);

    private static LenTapPlan Plan(decimal kg = 70m) =>
        LenTapScheduler.Plan(Start, WeightKg.FromKilograms(kg), ClinicalRuleSet.Default).Value;

    private static DateOnly D(int month, int day) => new(2025, month, day);

    [Theory]
    [InlineData(59.9, 8)]
    [InlineData(60.0, 12)]
    [InlineData(60.1, 12)]
    public void SCHED_LEN_dose_by_the_60_kg_line(decimal kg, decimal mg)
    {
        var plan = Plan(kg);
        Assert.Equal(mg, plan.LenvatinibDailyDoseMilligrams);
        Assert.Equal(mg, plan.Find("LEN-1")!.DoseMilligrams);
    }

    [Fact]
    public void SCHED_LEN_starts_on_day_0_orally()
    {
        var len = Plan().Items[0];
        Assert.Equal(("LEN-1", RegimenComponent.Lenvatinib, Start, "SCHED-LEN"), (len.ItemId, len.Component, len.PlannedDate, len.RuleId));
        Assert.StartsWith("oral", len.Route, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-70)]
    [InlineData(301)]
    public void SCHED_LEN_rejects_impossible_weight(decimal kg) =>
        Assert.Equal("weightKilograms", Assert.Single(LenTapScheduler.Plan(Start, WeightKg.FromKilograms(kg), ClinicalRuleSet.Default).Errors).Field);

    [Fact]
    public void SCHED_TACE_on_day_14() =>
        // 2025-03-03 + 14 days = 2025-03-17.
        Assert.Equal(D(3, 17), Plan().Find("TACE-1")!.PlannedDate);

    [Fact]
    public void SCHED_CAM_worked_example_first_dose_14_days_after_tace_then_every_21_days()
    {
        // TACE 03-17 + 14 = 03-31; then +21: 04-21, 05-12, 06-02, 06-23, 07-14.
        var cams = Plan().Items.Where(i => i.Component == RegimenComponent.Camrelizumab).ToArray();
        Assert.Equal([D(3, 31), D(4, 21), D(5, 12), D(6, 2), D(6, 23), D(7, 14)], cams.Select(c => c.PlannedDate));
        Assert.All(cams, c => Assert.Equal((200m, "IV", "SCHED-CAM"), (c.DoseMilligrams!.Value, c.Route, c.RuleId)));
        Assert.Equal(["CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6"], cams.Select(c => c.ItemId));
    }

    [Fact]
    public void SCHED_CAM_number_of_planned_doses_is_configurable()
    {
        var rules = ClinicalRuleSet.Default with { CamrelizumabPlannedDoses = 2 };
        Assert.Equal(4, LenTapScheduler.Plan(Start, WeightKg.FromKilograms(70m), rules).Value.Items.Count);
    }

    [Fact]
    public void SCHED_CAM_late_tace_moves_the_whole_camrelizumab_series()
    {
        // TACE performed 5 days late on 03-22 → CAM-1 04-05 (03-22 + 14), CAM-2 04-26, CAM-3 05-17.
        var cascaded = LenTapScheduler.Cascade(Plan(), [new("LEN-1", Start), new("TACE-1", D(3, 22))], ClinicalRuleSet.Default).Value;
        Assert.Equal(D(3, 22), cascaded.Find("TACE-1")!.PlannedDate);
        Assert.Equal(D(4, 5), cascaded.Find("CAM-1")!.PlannedDate);
        Assert.Equal(D(4, 26), cascaded.Find("CAM-2")!.PlannedDate);
        Assert.Equal(D(5, 17), cascaded.Find("CAM-3")!.PlannedDate);
    }

    [Fact]
    public void SCHED_TACE_late_lenvatinib_start_moves_tace()
    {
        // Lenvatinib actually started 03-05 → TACE 03-19 → CAM-1 04-02.
        var cascaded = LenTapScheduler.Cascade(Plan(), [new("LEN-1", D(3, 5))], ClinicalRuleSet.Default).Value;
        Assert.Equal(D(3, 19), cascaded.Find("TACE-1")!.PlannedDate);
        Assert.Equal(D(4, 2), cascaded.Find("CAM-1")!.PlannedDate);
        Assert.Equal(Start, cascaded.StartDate);
    }

    [Fact]
    public void SCHED_CAM_late_dose_moves_later_doses_from_the_actual_date()
    {
        // CAM-2 given 04-28 (a week late) → CAM-3 05-19, CAM-4 06-09.
        var actuals = new ActualAdministration[] { new("LEN-1", Start), new("TACE-1", D(3, 17)), new("CAM-1", D(3, 31)), new("CAM-2", D(4, 28)) };
        var cascaded = LenTapScheduler.Cascade(Plan(), actuals, ClinicalRuleSet.Default).Value;
        Assert.Equal(D(5, 19), cascaded.Find("CAM-3")!.PlannedDate);
        Assert.Equal(D(6, 9), cascaded.Find("CAM-4")!.PlannedDate);
    }

    [Fact]
    public void SCHED_CAM_cascade_leaves_the_original_plan_unchanged()
    {
        var plan = Plan();
        _ = LenTapScheduler.Cascade(plan, [new("LEN-1", Start), new("TACE-1", D(3, 25))], ClinicalRuleSet.Default);
        Assert.Equal(D(3, 17), plan.Find("TACE-1")!.PlannedDate);
    }

    [Fact]
    public void SCHED_CAM_cascade_rejects_unknown_and_duplicate_items()
    {
        var result = LenTapScheduler.Cascade(Plan(), [new("LEN-1", Start), new("LEN-1", Start), new("CAM-9", D(9, 1))], ClinicalRuleSet.Default);
        Assert.Equal(["actuals[1].itemId", "actuals[2].itemId"], result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void SCHED_CAM_cascade_rejects_out_of_order_actuals()
    {
        var beforeTace = LenTapScheduler.Cascade(Plan(), [new("LEN-1", Start), new("TACE-1", D(3, 17)), new("CAM-1", D(3, 17))], ClinicalRuleSet.Default);
        Assert.Equal("actuals[2].date", Assert.Single(beforeTace.Errors).Field);
        var gap = LenTapScheduler.Cascade(Plan(), [new("LEN-1", Start), new("TACE-1", D(3, 17)), new("CAM-2", D(4, 21))], ClinicalRuleSet.Default);
        Assert.Equal("actuals", Assert.Single(gap.Errors).Field);
    }

    [Fact]
    public void SCHED_CAM_due_items_due_within_grace_then_overdue()
    {
        var plan = Plan();
        DueStatus TaceOn(DateOnly date) => LenTapScheduler.DueItems(plan, [new("LEN-1", Start)], [], date).Single(i => i.Item.ItemId == "TACE-1").Status;
        Assert.Equal(DueStatus.Upcoming, TaceOn(D(3, 16)));
        Assert.Equal(DueStatus.Due, TaceOn(D(3, 17)));
        Assert.Equal(DueStatus.Due, TaceOn(D(3, 20)));      // planned + 3 grace days
        Assert.Equal(DueStatus.Overdue, TaceOn(D(3, 21)));
    }

    [Fact]
    public void SCHED_CAM_due_items_done_items_carry_their_actual_date()
    {
        var items = LenTapScheduler.DueItems(Plan(), [new("LEN-1", Start), new("TACE-1", D(3, 18))], [], D(3, 20));
        var tace = items.Single(i => i.Item.ItemId == "TACE-1");
        Assert.Equal((DueStatus.Done, (DateOnly?)D(3, 18)), (tace.Status, tace.ActualDate));
    }

    [Fact]
    public void SCHED_LEN_daily_dose_is_due_every_day_once_started()
    {
        var before = LenTapScheduler.DueItems(Plan(), [], [], D(3, 10));
        Assert.DoesNotContain(before, i => i.Item.ItemId == "LEN-DAILY");
        Assert.Equal(DueStatus.Overdue, before.Single(i => i.Item.ItemId == "LEN-1").Status);
        var after = LenTapScheduler.DueItems(Plan(), [new("LEN-1", Start)], [], D(3, 10));
        var daily = after.Single(i => i.Item.ItemId == "LEN-DAILY");
        Assert.Equal((DueStatus.Due, 12m), (daily.Status, daily.Item.DoseMilligrams!.Value));
    }

    [Fact]
    public void SCHED_HOLD_held_drug_shows_held_instead_of_due_or_overdue()
    {
        var hold = new TreatmentHold(RegimenComponent.Camrelizumab, D(3, 28), null, "immune hepatitis grade 3", "ae-1");
        var lenHold = new TreatmentHold(RegimenComponent.Lenvatinib, D(3, 28), D(4, 10), "hypertension grade 3", "ae-2");
        var actuals = new ActualAdministration[] { new("LEN-1", Start), new("TACE-1", D(3, 17)) };
        var items = LenTapScheduler.DueItems(Plan(), actuals, [hold, lenHold], D(4, 5));
        var cam1 = items.Single(i => i.Item.ItemId == "CAM-1");
        Assert.Equal((DueStatus.Held, hold), (cam1.Status, cam1.Hold));
        Assert.Equal(DueStatus.Upcoming, items.Single(i => i.Item.ItemId == "CAM-2").Status);
        Assert.Equal(DueStatus.Held, items.Single(i => i.Item.ItemId == "LEN-DAILY").Status);
        // The lenvatinib hold ends on 04-10 (exclusive): due again that day.
        Assert.Equal(DueStatus.Due, LenTapScheduler.DueItems(Plan(), actuals, [lenHold], D(4, 10)).Single(i => i.Item.ItemId == "LEN-DAILY").Status);
    }
}
