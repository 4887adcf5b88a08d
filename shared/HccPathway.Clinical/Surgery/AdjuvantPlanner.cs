using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Surgery;

/// <summary>
/// SURG-ADJ plan: starts <see cref="StartDate"/> (surgery + 1 month) and runs 6–12 months from that start.
/// The notes are for the MDT, who adjust for tolerance and pathology.
/// </summary>
public sealed record AdjuvantPlan(
    DateOnly SurgeryDate,
    DateOnly StartDate,
    DateOnly EarliestEndDate,
    DateOnly LatestEndDate,
    IReadOnlyList<RegimenComponent> Components,
    IReadOnlyList<string> Notes,
    string RuleSetVersion);

/// <summary>SURG-ADJ (review; Chinese consensus [22]): anti-angiogenic drug plus ICI after conversion resection.</summary>
public static class AdjuvantPlanner
{
    public static Validated<AdjuvantPlan> Plan(
        DateOnly surgeryDate,
        IReadOnlyList<RegimenComponent> conversionRegimen,
        PathologyResult? pathology,
        ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(conversionRegimen);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.Require(conversionRegimen.Count > 0, "conversionRegimen", "The conversion regimen is needed to continue it.", "1 or more components");
        return e.Result(() =>
        {
            // Default: continue the systemic part of the conversion regimen (TACE is a local procedure, not adjuvant).
            var components = conversionRegimen.Where(c => c != RegimenComponent.Tace).Distinct().Order().ToArray();
            var notes = new List<string> { "Adjust for tolerance and pathology (SURG-ADJ)." };
            if (!components.Contains(RegimenComponent.Lenvatinib) || !components.Contains(RegimenComponent.Camrelizumab))
            {
                notes.Add("The conversion regimen lacks an anti-angiogenic drug or an ICI; the MDT chooses the adjuvant combination.");
            }

            if (pathology is { Margin: not ResectionMargin.R0 })
            {
                notes.Add($"{pathology.Margin} margin: the MDT reviews further local treatment.");
            }

            if (pathology is { PathologicalCompleteResponse: true })
            {
                notes.Add("pCR: the MDT may choose the shorter course.");
            }

            var start = surgeryDate.AddMonths(ruleSet.AdjuvantStartMonthsAfterSurgery);
            return new AdjuvantPlan(surgeryDate, start, start.AddMonths(ruleSet.AdjuvantMinimumMonths),
                start.AddMonths(ruleSet.AdjuvantMaximumMonths), components, notes, ruleSet.Version);
        });
    }
}
