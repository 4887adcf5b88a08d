using HccPathway.Clinical.Rules;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Surgery;

/// <summary>The last dose or session of one drug class.</summary>
public sealed record LastExposure(TherapyClass Class, DateOnly LastDate, string? Agent = null);

/// <summary>SURG-WASH: the washout of one class and the earliest date it allows.</summary>
public sealed record WashoutItem(TherapyClass Class, string? Agent, DateOnly LastDate, int WashoutDays, DateOnly EarliestDate, string Note);

/// <summary>
/// SURG-WASH plan. <see cref="EarliestSafeDate"/> is the latest of the washout dates and today; surgery may be booked
/// for it only when <see cref="OutstandingPrerequisites"/> is empty.
/// </summary>
public sealed record WashoutPlan(
    DateOnly EarliestSafeDate,
    IReadOnlyList<WashoutItem> Items,
    bool ImmuneHepatitisExclusionRequired,
    IReadOnlyList<string> OutstandingPrerequisites,
    string RuleSetVersion)
{
    public bool PrerequisitesMet => OutstandingPrerequisites.Count == 0;
}

/// <summary>SURG-WASH (review): washouts before hepatectomy by drug class (configurable) and the earliest safe date.</summary>
public static class WashoutPlanner
{
    /// <param name="immuneHepatitisExcluded">The recorded exclusion of immune hepatitis (AST/ALT, biopsy if needed); must postdate the last ICI dose.</param>
    public static Validated<WashoutPlan> Plan(
        IReadOnlyList<LastExposure> exposures,
        Evidenced<bool>? immuneHepatitisExcluded,
        DateOnly today,
        ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        for (var i = 0; i < exposures.Count; i++)
        {
            e.CheckEnum(exposures[i].Class, $"exposures[{i}].class");
            e.Require(exposures[i].LastDate <= today, $"exposures[{i}].lastDate", "The last exposure is in the future.", "on or before " + Of(today));
        }

        if (immuneHepatitisExcluded is { } ih)
        {
            e.Require(ih.Date <= today, "immuneHepatitisExcluded.date", "The exclusion is dated in the future.", "on or before " + Of(today));
        }

        return e.Result(() => Build(exposures, immuneHepatitisExcluded, today, ruleSet));
    }

    /// <summary>
    /// SURG-WASH for a planned date: the last day an exposure of the class may fall on so that its washout ends by
    /// <paramref name="surgeryOn"/>. Planning stops a drug on this day and cancels doses after it.
    /// </summary>
    public static DateOnly LastExposureAllowed(TherapyClass c, DateOnly surgeryOn, ClinicalRuleSet r) =>
        surgeryOn.AddDays(-Washout(c, r).Days);

    private static WashoutPlan Build(IReadOnlyList<LastExposure> exposures, Evidenced<bool>? ih, DateOnly today, ClinicalRuleSet r)
    {
        // Only the most recent exposure of each class matters.
        var items = exposures
            .GroupBy(x => x.Class)
            .Select(g => g.MaxBy(x => x.LastDate)!)
            .OrderBy(x => x.Class)
            .Select(x =>
            {
                var (days, note) = Washout(x.Class, r);
                return new WashoutItem(x.Class, x.Agent, x.LastDate, days, x.LastDate.AddDays(days), note);
            })
            .ToArray();

        var outstanding = new List<string>();
        var lastIci = items.FirstOrDefault(i => i.Class == TherapyClass.ImmuneCheckpointInhibitor);
        var required = lastIci is not null && r.RequireImmuneHepatitisExclusionAfterIci;
        if (required && !(ih is { Value: true } && ih.Date >= lastIci!.LastDate))
        {
            outstanding.Add("SURG-WASH: exclude immune hepatitis after the last ICI dose (AST/ALT; consider liver biopsy) and record it.");
        }

        var earliest = items.Select(i => i.EarliestDate).Append(today).Max();
        return new WashoutPlan(earliest, items, required, outstanding, r.Version);
    }

    /// <summary>SURG-WASH: the washout of one drug class in days (rule set) and why it is that long.</summary>
    public static (int Days, string Note) Washout(TherapyClass c, ClinicalRuleSet r) => c switch
    {
        TherapyClass.AntiAngiogenicAntibody => (r.AntiAngiogenicAntibodyWashoutDays, "anti-angiogenic antibody: bleeding and wound-healing risk (review: 4–6 weeks)"),
        TherapyClass.Tace => (r.TaceWashoutDays, "TACE: since the last session (review: 4–6 weeks)"),
        TherapyClass.SmallMoleculeTki => (r.TyrosineKinaseInhibitorWashoutDays, "TKI: product-label stop before surgery; verify before relying on it (review: continuing did not raise complications)"),
        _ => (r.ImmuneCheckpointInhibitorWashoutDays, "ICI: no fixed washout; immune hepatitis must be excluded"),
    };
}
