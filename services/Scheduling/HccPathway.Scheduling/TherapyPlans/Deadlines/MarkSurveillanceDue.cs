using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Deadlines;

/// <summary>
/// SCHED-DUE: an outstanding surveillance item (<see cref="TherapyItemTypes.Surveillance"/>) whose due date has come on
/// the patient's hospital day becomes a <see cref="SurveillanceFellDue"/>, once per revision. Not a surveillance item,
/// done, cancelled or skipped, already due in this revision, or not due yet: refused, nothing appended.
/// </summary>
public static class MarkSurveillanceDue
{
    public static Decision Decide(TherapyPlan plan, string itemId, DateOnly today, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (Checks.NotExited(plan) is { } exited)
        {
            return exited;
        }

        var (item, notOutstanding) = Checks.Outstanding(plan, itemId, "due");
        if (item is null)
        {
            return notOutstanding!;
        }

        if (item.ItemType != TherapyItemTypes.Surveillance)
        {
            return Rejection.Conflict($"{itemId} is not a surveillance item.", MarkOverdue.RuleId);
        }

        if (item.FellDueInRevision == item.Revision)
        {
            return Rejection.Conflict($"{itemId} fell due on {item.DueOn:yyyy-MM-dd} already.", MarkOverdue.RuleId);
        }

        if (today < item.DueOn)
        {
            return Rejection.Conflict($"{itemId} is not due before {item.DueOn:yyyy-MM-dd}.", MarkOverdue.RuleId);
        }

        return Decision.Append(new SurveillanceFellDue(plan.Id, item.ItemId, item.DueOn, item.Revision, MarkOverdue.RuleId, rules.Version, now));
    }
}
