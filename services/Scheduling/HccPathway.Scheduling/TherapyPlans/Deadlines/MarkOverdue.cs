using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// SCHED-DUE: an outstanding item whose due window has passed becomes a <see cref="TherapyItemOverdue"/>. The window is
/// the due date plus <see cref="ClinicalRuleSet.ScheduleOverdueGraceDays"/> (inclusive, as LenTapScheduler.DueItems
/// counts it), so the first overdue day is the day after. An item done, cancelled or skipped, already overdue in this
/// revision, or of a drug held (SCHED-HOLD: a held item is held, not overdue) is refused and nothing is appended.
/// </summary>
public static class MarkOverdue
{
    public const string RuleId = "SCHED-DUE";

    public static DateOnly FirstOverdueDay(DateOnly dueOn, int graceDays) => dueOn.AddDays(graceDays + 1);

    public static Decision Decide(TherapyPlan plan, string itemId, DateOnly today, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (Checks.NotExited(plan) is { } exited)
        {
            return exited;
        }

        var (item, notOutstanding) = Checks.Outstanding(plan, itemId, "overdue");
        if (item is null)
        {
            return notOutstanding!;
        }

        if (item.OverdueOn is { } recorded)
        {
            return Rejection.Conflict($"{itemId} has been overdue since {recorded:yyyy-MM-dd}.", RuleId);
        }

        var overdueOn = FirstOverdueDay(item.DueOn, rules.ScheduleOverdueGraceDays);
        if (today < overdueOn)
        {
            return Rejection.Conflict($"{itemId} is not overdue before {overdueOn:yyyy-MM-dd}.", RuleId);
        }

        if (plan.HeldFrom(item.Drug) is { } heldFrom && heldFrom <= today)
        {
            return Rejection.Conflict($"{item.Drug} is held (SCHED-HOLD) since {heldFrom:yyyy-MM-dd}; a held item is not overdue.", "SCHED-HOLD");
        }

        return Decision.Append(new TherapyItemOverdue(
            plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, overdueOn, rules.ScheduleOverdueGraceDays, item.Revision,
            RuleId, rules.Version, now));
    }
}
