using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Regimen;

/// <summary>
/// The LEN-TAP schedule (review [70]): lenvatinib from day 0 (SCHED-LEN), TACE on day 14 (SCHED-TACE),
/// camrelizumab 200 mg IV 14 days after the actual TACE and then every 21 days (SCHED-CAM).
/// Pure: dates in, dates out.
/// </summary>
public static class LenTapScheduler
{
    public const string LenvatinibStartId = "LEN-1";
    public const string LenvatinibDailyId = "LEN-DAILY";
    public const string TaceId = "TACE-1";
    public const string CamrelizumabIdPrefix = "CAM-";

    /// <summary>SCHED-LEN: 12 mg if weight ≥ 60 kg, 8 mg below (both configurable).</summary>
    public static decimal LenvatinibDose(WeightKg weight, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return weight.Kilograms >= ruleSet.LenvatinibWeightThresholdKilograms
            ? ruleSet.LenvatinibDoseAtOrAboveThresholdMilligrams
            : ruleSet.LenvatinibDoseBelowThresholdMilligrams;
    }

    /// <summary>Lays out the plan from the lenvatinib start date and body weight.</summary>
    public static Validated<LenTapPlan> Plan(DateOnly lenvatinibStart, WeightKg weight, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.Check(weight);
        return e.Result(() => Build(lenvatinibStart, weight, LenvatinibDose(weight, ruleSet), lenStart: lenvatinibStart,
            tace: null, camActuals: [], ruleSet));
    }

    /// <summary>
    /// SCHED-CAM cascade: recomputes the plan from what actually happened. TACE moves with the actual lenvatinib
    /// start, camrelizumab dose 1 with the actual TACE, each later dose with the actual previous dose.
    /// Actuals must follow the sequence (each after its predecessor) and name planned items.
    /// Items already done carry their actual date in the returned plan.
    /// </summary>
    public static Validated<LenTapPlan> Cascade(LenTapPlan plan, IReadOnlyList<ActualAdministration> actuals, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        var byId = IndexActuals(plan, actuals, e);
        if (e.HasErrors)
        {
            return Validated<LenTapPlan>.Failure(e.Errors);
        }

        var lenStart = byId.TryGetValue(LenvatinibStartId, out var len) ? len.Date : plan.StartDate;
        DateOnly? tace = byId.TryGetValue(TaceId, out var t) ? t.Date : null;
        var camCount = plan.Items.Count(i => i.Component == RegimenComponent.Camrelizumab);
        var camActuals = new List<DateOnly>();
        for (var n = 1; n <= camCount && byId.TryGetValue(CamrelizumabIdPrefix + n, out var cam); n++)
        {
            camActuals.Add(cam.Date);
        }

        return Validated<LenTapPlan>.Success(
            Build(plan.StartDate, plan.Weight, plan.LenvatinibDailyDoseMilligrams, lenStart, tace, camActuals, ruleSet, camCount));
    }

    /// <summary>What is due, overdue, done or held on <paramref name="date"/>, item by item, plus daily lenvatinib once started.</summary>
    public static IReadOnlyList<DueItem> DueItems(
        LenTapPlan plan,
        IReadOnlyList<ActualAdministration> actuals,
        IReadOnlyList<TreatmentHold> holds,
        DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(actuals);
        ArgumentNullException.ThrowIfNull(holds);
        var done = actuals.GroupBy(a => a.ItemId).ToDictionary(g => g.Key, g => g.Min(a => a.Date));
        var result = new List<DueItem>();
        foreach (var item in plan.Items)
        {
            if (done.TryGetValue(item.ItemId, out var actual))
            {
                result.Add(new DueItem(item, DueStatus.Done, actual, null));
                continue;
            }

            var status = date < item.PlannedDate ? DueStatus.Upcoming
                : date <= item.PlannedDate.AddDays(plan.OverdueGraceDays) ? DueStatus.Due
                : DueStatus.Overdue;
            var hold = status == DueStatus.Upcoming ? null : ActiveHold(holds, item.Component, date);
            result.Add(new DueItem(item, hold is null ? status : DueStatus.Held, null, hold));
        }

        // SCHED-LEN: once started, lenvatinib is taken every day unless held.
        if (done.TryGetValue(LenvatinibStartId, out var started) && date >= started)
        {
            var daily = new ScheduledItem(LenvatinibDailyId, RegimenComponent.Lenvatinib, 0, date, plan.LenvatinibDailyDoseMilligrams, "oral", "SCHED-LEN");
            var hold = ActiveHold(holds, RegimenComponent.Lenvatinib, date);
            result.Add(new DueItem(daily, hold is null ? DueStatus.Due : DueStatus.Held, null, hold));
        }

        return result;
    }

    private static TreatmentHold? ActiveHold(IReadOnlyList<TreatmentHold> holds, RegimenComponent component, DateOnly date) =>
        holds.FirstOrDefault(h => h.Component == component && h.IsActiveOn(date));

    private static Dictionary<string, ActualAdministration> IndexActuals(LenTapPlan plan, IReadOnlyList<ActualAdministration> actuals, ErrorCollector e)
    {
        var byId = new Dictionary<string, ActualAdministration>(StringComparer.Ordinal);
        for (var i = 0; i < actuals.Count; i++)
        {
            var a = actuals[i];
            var field = $"actuals[{i}].itemId";
            if (plan.Find(a.ItemId) is null)
            {
                e.Add(field, $"'{a.ItemId}' is not an item of this plan.", string.Join(", ", plan.Items.Select(x => x.ItemId)));
            }
            else if (!byId.TryAdd(a.ItemId, a))
            {
                e.Add(field, $"'{a.ItemId}' is recorded twice.", "one administration per item");
            }
        }

        // Each actual must follow the actual of the item before it in the sequence.
        ActualAdministration? previous = null;
        for (var i = 0; i < plan.Items.Count; i++)
        {
            var item = plan.Items[i];
            if (!byId.TryGetValue(item.ItemId, out var current))
            {
                var later = plan.Items.Skip(i + 1).FirstOrDefault(x => byId.ContainsKey(x.ItemId));
                if (later is not null)
                {
                    e.Add("actuals", $"'{later.ItemId}' is recorded but '{item.ItemId}' is not.", "administrations in plan order");
                }

                break;
            }

            if (previous is not null && current.Date <= previous.Date)
            {
                e.Add($"actuals[{IndexOf(actuals, current)}].date",
                    $"'{current.ItemId}' on {CriterionText.Of(current.Date)} is not after '{previous.ItemId}' on {CriterionText.Of(previous.Date)}.",
                    $"after {CriterionText.Of(previous.Date)}");
            }

            previous = current;
        }

        return byId;
    }

    private static int IndexOf(IReadOnlyList<ActualAdministration> actuals, ActualAdministration a)
    {
        for (var i = 0; i < actuals.Count; i++)
        {
            if (ReferenceEquals(actuals[i], a))
            {
                return i;
            }
        }

        return -1;
    }

    private static LenTapPlan Build(
        DateOnly start,
        WeightKg weight,
        decimal lenvatinibDose,
        DateOnly lenStart,
        DateOnly? tace,
        IReadOnlyList<DateOnly> camActuals,
        ClinicalRuleSet r,
        int? camCount = null)
    {
        var items = new List<ScheduledItem>
        {
            new(LenvatinibStartId, RegimenComponent.Lenvatinib, 1, lenStart, lenvatinibDose, "oral, once daily", "SCHED-LEN"),
        };

        // SCHED-TACE: day 14 counted from the actual lenvatinib start.
        var tacePlanned = lenStart.AddDays(r.TaceDaysAfterLenvatinibStart);
        items.Add(new ScheduledItem(TaceId, RegimenComponent.Tace, 1, tace ?? tacePlanned, null, "transarterial", "SCHED-TACE"));

        // SCHED-CAM: first dose 14 days after the actual TACE (or the planned one until it happens), then every 21 days
        // counted from the actual previous dose, so a late step moves every later step.
        var anchor = (tace ?? tacePlanned).AddDays(r.CamrelizumabFirstDoseDaysAfterTace);
        var count = camCount ?? r.CamrelizumabPlannedDoses;
        for (var n = 1; n <= count; n++)
        {
            var date = n <= camActuals.Count ? camActuals[n - 1] : anchor;
            items.Add(new ScheduledItem(CamrelizumabIdPrefix + n, RegimenComponent.Camrelizumab, n, date, r.CamrelizumabDoseMilligrams, "IV", "SCHED-CAM"));
            anchor = date.AddDays(r.CamrelizumabIntervalDays);
        }

        return new LenTapPlan(start, weight, lenvatinibDose, items, r.ScheduleOverdueGraceDays, r.Version);
    }
}
