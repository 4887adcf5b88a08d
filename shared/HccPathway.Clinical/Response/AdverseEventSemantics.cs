using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Response;

/// <summary>RESP-AE: CTCAE v5 grading semantics. "Resolved" means grade ≤ 1 or normal (configurable maximum).</summary>
public static class AdverseEventSemantics
{
    public const int Death = 5;

    public static Validated<AdverseEvent> Validate(AdverseEvent adverseEvent, string field = "adverseEvent")
    {
        ArgumentNullException.ThrowIfNull(adverseEvent);
        var e = new ErrorCollector();
        Validate(e, adverseEvent, field);
        return e.Result(() => adverseEvent);
    }

    internal static void Validate(ErrorCollector e, AdverseEvent ae, string field)
    {
        e.Require(!string.IsNullOrWhiteSpace(ae.Id), field + ".id", "An adverse event needs an id.", "non-empty text");
        if (ae.Gradings is null || ae.Gradings.Count == 0)
        {
            e.Add(field + ".gradings", "An adverse event needs at least one grading.", "1 or more gradings");
            return;
        }

        for (var i = 0; i < ae.Gradings.Count; i++)
        {
            e.InRange(ae.Gradings[i].Grade, PlausibleRanges.CtcaeGrade, $"{field}.gradings[{i}].grade");
            if (i > 0 && ae.Gradings[i].Date <= ae.Gradings[i - 1].Date)
            {
                e.Add($"{field}.gradings[{i}].date", "Gradings must be in strictly increasing date order.",
                    "after " + CriterionText.Of(ae.Gradings[i - 1].Date));
            }
        }

        if (ae.SuspectedDrugs is null)
        {
            e.Add(field + ".suspectedDrugs", "List the suspected drugs (empty when none).", "a list, possibly empty");
        }
        else
        {
            foreach (var drug in ae.SuspectedDrugs)
            {
                e.CheckEnum(drug, field + ".suspectedDrugs");
            }
        }
    }

    /// <summary>RESP-AE: grade ≤ 1 (or the configured maximum) counts as resolved.</summary>
    public static bool IsResolvedGrade(int grade, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return grade <= ruleSet.AdverseEventResolvedMaximumGrade;
    }

    /// <summary>Onset: the first grading of grade 1 or more; null if never graded above normal.</summary>
    public static DateOnly? Onset(AdverseEvent ae)
    {
        ArgumentNullException.ThrowIfNull(ae);
        return ae.Gradings.FirstOrDefault(g => g.Grade >= 1)?.Date;
    }

    public static int WorstGrade(AdverseEvent ae)
    {
        ArgumentNullException.ThrowIfNull(ae);
        return ae.Gradings.Count == 0 ? 0 : ae.Gradings.Max(g => g.Grade);
    }

    /// <summary>The latest grading on or before <paramref name="date"/>; null if none yet.</summary>
    public static AdverseEventGrading? LatestOnOrBefore(AdverseEvent ae, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(ae);
        return ae.Gradings.Where(g => g.Date <= date).MaxBy(g => g.Date);
    }

    /// <summary>
    /// The date the AE became resolved and stayed so up to <paramref name="asOf"/>: the first grading ≤ 1 after the last
    /// grading above 1. Null when unresolved (or when it was fatal).
    /// </summary>
    public static DateOnly? ResolvedOn(AdverseEvent ae, DateOnly asOf, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ae);
        var gradings = ae.Gradings.Where(g => g.Date <= asOf).OrderBy(g => g.Date).ToArray();
        if (gradings.Length == 0 || gradings.Any(g => g.Grade >= Death) || !IsResolvedGrade(gradings[^1].Grade, ruleSet))
        {
            return null;
        }

        var lastActive = Array.FindLastIndex(gradings, g => !IsResolvedGrade(g.Grade, ruleSet));
        return gradings[lastActive + 1].Date;
    }

    public static bool IsResolvedOn(AdverseEvent ae, DateOnly asOf, ClinicalRuleSet ruleSet) => ResolvedOn(ae, asOf, ruleSet) is not null;
}
