using HccPathway.Clinical.Rules;
using HccPathway.Scheduling.TherapyPlans.FollowUp;
using HccPathway.Scheduling.TherapyPlans.Labs;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// The rolling horizons of the plan: camrelizumab doses (SCHED-CYCLES) and response imaging (SCHED-IMG) during
/// conversion, follow-up imaging after failure (SCHED-FU) and surveillance (SCHED-SURV) after it, and the labs before
/// every dose and TACE session (SCHED-LAB). A decider that changes an item appends its own events followed by what
/// restores them all, so a plan written before a series existed catches up with the next event it receives.
/// </summary>
public static class Horizon
{
    public static object[] Restore(TherapyPlan plan, IReadOnlyList<object> events, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var after = AggregateFold<TherapyPlan>.Apply(plan, events);
        object[] conversion = [.. Cycles.Extend(after, rules, now), .. ResponseImaging.Extend(after, rules, today, now)];
        return [.. events, .. conversion, .. Steps(AggregateFold<TherapyPlan>.Apply(after, conversion), rules, now)];
    }

    /// <summary>The horizons that need no "today" (every one but conversion imaging), given the plan after the caller's events.</summary>
    public static object[] Steps(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        object[] series = [.. FollowUpImaging.Extend(plan, rules, now), .. Surveillance.Extend(plan, rules, now)];
        return [.. series, .. PreDoseLabs.Restore(AggregateFold<TherapyPlan>.Apply(plan, series), rules, now)];
    }
}
