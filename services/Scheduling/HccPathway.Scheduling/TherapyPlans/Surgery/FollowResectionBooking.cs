using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Surgery;

/// <summary>
/// Keeps the plan in step with the booked resection (<see cref="TherapyPlan.Resection"/>): a <c>resection</c> item on the
/// booked date, moved when the booking moves and cancelled with its reason when it is cancelled; and SURG-WASH's
/// lenvatinib stop, the last day lenvatinib may be taken before that date (or today, if that is already too late).
/// </summary>
/// <remarks>
/// It compares the plan with the booking and appends only the difference, so the scheduled, rescheduled and cancelled
/// messages share it, any of them arriving twice or out of order appends nothing more.
/// </remarks>
public static class FollowResectionBooking
{
    public const string ItemPrefix = "RES-";
    public const string Route = "surgery";
    private const string RuleId = "SURG-WASH";
    private const string By = "scheduling";

    public static Decision Decide(TherapyPlan plan, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (plan.HasExited || plan.Resection is not { } booking)
        {
            return Decision.Append();
        }

        var item = plan.Items.LastOrDefault(i => i.ItemType == TherapyItemTypes.Resection && i.IsOutstanding);
        var stop = plan.NextOutstanding(TherapyItemTypes.LenvatinibStop);
        if (booking.Cancelled is { } cancelled)
        {
            var reason = $"Resection cancelled: {cancelled.Reason}";
            return Decision.Append([
                .. item is null ? Array.Empty<object>() : [Cancel(plan, item, reason, now)],
                .. stop is null ? Array.Empty<object>() : [Cancel(plan, stop, $"SURG-WASH: no surgery to stop lenvatinib for. {reason}", now)],
            ]);
        }

        var events = new List<object>();
        var on = booking.ScheduledOn;
        if (item is null)
        {
            var number = plan.Items.Count(i => i.ItemType == TherapyItemTypes.Resection) + 1;
            events.Add(new TherapyItemPlanned(plan.Id, ItemPrefix + number, TherapyItemTypes.Resection, PlanIds.NoDrug, TherapyPhases.Washout,
                number, on, null, $"{Route}: {booking.Procedure}", null, null, RuleId, rules.Version, now));
        }
        else if (item.DueOn != on)
        {
            events.Add(Move(plan, item, on, booking.MovedBecause, rules, now));
        }

        if (plan.LenvatinibRunning)
        {
            var lastDose = WashoutPlanner.LastExposureAllowed(TherapyClass.SmallMoleculeTki, on, rules);
            var stopOn = lastDose > today ? lastDose : today;
            if (stop is null)
            {
                var number = plan.Items.Count(i => i.ItemType == TherapyItemTypes.LenvatinibStop) + 1;
                events.Add(new TherapyItemPlanned(plan.Id, PlanIds.LenvatinibStopPrefix + number, TherapyItemTypes.LenvatinibStop, Drugs.Lenvatinib,
                    TherapyPhases.Washout, number, stopOn, null, "oral: last dose", null, null, RuleId, rules.Version, now));
            }
            else if (stop.DueOn != stopOn)
            {
                events.Add(Move(plan, stop, stopOn, $"SURG-WASH: surgery booked for {on:yyyy-MM-dd}.", rules, now));
            }
        }

        return Decision.Append([.. events]);
    }

    private static TherapyItemRescheduled Move(TherapyPlan plan, PlanItem item, DateOnly to, string? reason, ClinicalRuleSet rules, DateTimeOffset now) =>
        new(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, to, RescheduleCauses.Rescheduled, null, reason, RuleId, rules.Version, By, now);

    private static TherapyItemCancelled Cancel(TherapyPlan plan, PlanItem item, string reason, DateTimeOffset now) =>
        new(plan.Id, item.ItemId, item.ItemType, item.Drug, item.DueOn, reason, RuleId, By, now);
}
