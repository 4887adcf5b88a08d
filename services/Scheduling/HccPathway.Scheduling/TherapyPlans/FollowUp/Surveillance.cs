using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Scheduling.TherapyPlans.FollowUp;

/// <summary>
/// SCHED-SURV: imaging and tumour markers every <see cref="ClinicalRuleSet.SurveillanceEarlyIntervalMonths"/> months for
/// the first <see cref="ClinicalRuleSet.SurveillanceEarlyPhaseYears"/> years, then every
/// <see cref="ClinicalRuleSet.SurveillanceLateIntervalMonths"/> months (local policy). Two series: watch-and-wait from
/// the MDT decision after a cCR (<c>SURV-WW-n</c>), and recurrence surveillance from the resection date once surgery
/// has happened (<c>SURV-R-n</c>, started with the adjuvant plan, which carries the surgery date). The dates are fixed
/// slots from the start, as surveillance calendars are; a rolling horizon like SCHED-IMG keeps two ahead.
/// </summary>
public static class Surveillance
{
    public const string RuleId = "SCHED-SURV";

    /// <summary>The running series: its id prefix and its start, or null when no surveillance runs.</summary>
    public static (string Prefix, DateOnly From)? Running(TherapyPlan plan)
    {
        if (!plan.IsPlanned || plan.HasExited)
        {
            return null;
        }

        if (plan.Adjuvant is { } adjuvant)
        {
            return (PlanIds.RecurrenceSurveillancePrefix, adjuvant.SurgeryOn);
        }

        return plan.ConversionEndedBy is { Outcome: MdtOutcomes.WatchAndWait } decision
            ? (PlanIds.WatchAndWaitSurveillancePrefix, decision.DecidedOn)
            : null;
    }

    public static IReadOnlyList<TherapyItemPlanned> Extend(TherapyPlan plan, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (Running(plan) is not var (prefix, from))
        {
            return [];
        }

        var series = plan.Items.Where(i => i.ItemId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var sequence = series.Count > 0 ? series.Max(i => i.Sequence) : 0;
        var planned = new List<TherapyItemPlanned>();
        for (var outstanding = series.Count(i => i.IsOutstanding); outstanding < ResponseImaging.Horizon; outstanding++)
        {
            sequence++;
            planned.Add(new TherapyItemPlanned(plan.Id, prefix + sequence, TherapyItemTypes.Surveillance, PlanIds.NoDrug, TherapyPhases.FollowUp, sequence,
                from.AddMonths(MonthsAfterStart(sequence, rules)), null, "", null, null, RuleId, rules.Version, now));
        }

        return planned;
    }

    /// <summary>Visit n of the series: n early intervals while within the early phase, then late intervals after it.</summary>
    public static int MonthsAfterStart(int visit, ClinicalRuleSet rules)
    {
        var earlyMonths = rules.SurveillanceEarlyPhaseYears * 12;
        var earlyVisits = earlyMonths / rules.SurveillanceEarlyIntervalMonths;
        return visit <= earlyVisits
            ? visit * rules.SurveillanceEarlyIntervalMonths
            : earlyMonths + (visit - earlyVisits) * rules.SurveillanceLateIntervalMonths;
    }
}
