using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Regimen;

/// <summary>
/// SCHED-HOLD (CTCAE v5; local policy): a treatment-related AE of grade ≥ 3 holds each suspected drug until the AE
/// is back to grade ≤ 1. Dose-reduction steps are local policy and come from the rule set.
/// </summary>
public static class HoldRules
{
    public static bool RequiresHold(AdverseEvent ae, AdverseEventGrading grading, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ae);
        ArgumentNullException.ThrowIfNull(grading);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ae.TreatmentRelated && grading.Grade >= ruleSet.HoldMinimumCtcaeGrade;
    }

    public static bool AllowsResumption(int grade, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return grade <= ruleSet.HoldResolutionMaximumGrade;
    }

    /// <summary>
    /// Derives the hold periods from adverse events: a hold opens on the first grading ≥ 3 and closes on the first
    /// later grading ≤ 1 (grade 2 keeps it open). A fatal grading leaves it open.
    /// </summary>
    public static Validated<IReadOnlyList<TreatmentHold>> HoldsFromAdverseEvents(IReadOnlyList<AdverseEvent> adverseEvents, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(adverseEvents);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        for (var i = 0; i < adverseEvents.Count; i++)
        {
            AdverseEventSemantics.Validate(e, adverseEvents[i], $"adverseEvents[{i}]");
        }

        return e.Result<IReadOnlyList<TreatmentHold>>(() => adverseEvents.SelectMany(ae => Holds(ae, ruleSet)).ToArray());
    }

    private static IEnumerable<TreatmentHold> Holds(AdverseEvent ae, ClinicalRuleSet r)
    {
        DateOnly? openedOn = null;
        foreach (var g in ae.Gradings)
        {
            if (openedOn is null && RequiresHold(ae, g, r))
            {
                openedOn = g.Date;
            }
            else if (openedOn is { } from && AllowsResumption(g.Grade, r))
            {
                foreach (var hold in ForEachDrug(ae, from, g.Date))
                {
                    yield return hold;
                }

                openedOn = null;
            }
        }

        if (openedOn is { } stillOpen)
        {
            foreach (var hold in ForEachDrug(ae, stillOpen, null))
            {
                yield return hold;
            }
        }

    }

    private static IEnumerable<TreatmentHold> ForEachDrug(AdverseEvent ae, DateOnly from, DateOnly? until) =>
        ae.SuspectedDrugs.Distinct().Select(d =>
            new TreatmentHold(d, from, until, $"SCHED-HOLD: treatment-related {ae.Term} grade ≥ 3", ae.Id));

    /// <summary>SCHED-HOLD: the next lower lenvatinib dose level, or null when already at the lowest (consider stopping).</summary>
    public static decimal? NextLowerLenvatinibDose(decimal currentMilligrams, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return ruleSet.LenvatinibDoseLevelsMilligrams.Where(level => level < currentMilligrams).Cast<decimal?>().FirstOrDefault();
    }
}
