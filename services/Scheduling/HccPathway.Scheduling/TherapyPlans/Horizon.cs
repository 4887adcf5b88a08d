using HccPathway.Clinical.Rules;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// The rolling horizons of conversion: camrelizumab doses (SCHED-CYCLES) and response imaging (SCHED-IMG). A decider
/// that changes an item of either series appends its own events followed by what restores both horizons, so a plan
/// written before either series existed catches up with the next event it receives.
/// </summary>
public static class Horizon
{
    public static object[] Restore(TherapyPlan plan, IReadOnlyList<object> events, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        var after = ServiceDefaults.EventStore.AggregateFold<TherapyPlan>.Apply(plan, events);
        return [.. events, .. Cycles.Extend(after, rules, now), .. ResponseImaging.Extend(after, rules, today, now)];
    }
}
