using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Regimen;

/// <summary>SCHED-FU window for the next imaging.</summary>
public sealed record FollowUpWindow(DateOnly Earliest, DateOnly Latest, string RuleSetVersion);

/// <summary>SCHED-FU status of follow-up imaging on a date.</summary>
public enum FollowUpStatus
{
    NotYetDue,
    Due,
    Overdue,
}

/// <summary>SCHED-FU (review): after conversion failure, imaging every 4–6 weeks (configurable).</summary>
public static class FollowUpImaging
{
    public static FollowUpWindow NextWindow(DateOnly lastImaging, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return new FollowUpWindow(
            lastImaging.AddDays(7 * ruleSet.FollowUpImagingMinimumWeeks),
            lastImaging.AddDays(7 * ruleSet.FollowUpImagingMaximumWeeks),
            ruleSet.Version);
    }

    public static FollowUpStatus StatusOn(DateOnly lastImaging, DateOnly today, ClinicalRuleSet ruleSet)
    {
        var window = NextWindow(lastImaging, ruleSet);
        return today < window.Earliest ? FollowUpStatus.NotYetDue
            : today <= window.Latest ? FollowUpStatus.Due
            : FollowUpStatus.Overdue;
    }
}
