using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Scheduling.TherapyPlans.Reviews;

/// <summary>
/// SCHED-MDT: an MDT review follows each response assessment (SCHED-IMG), <see cref="ClinicalRuleSet.MdtReviewDaysAfterAssessment"/>
/// days after the study. The review (<c>MDT-n</c>) follows the imaging item it reviews, so it is dated from the study's
/// actual date; SurgeryPlanning's next MDT decision fulfils it (<see cref="FollowMdtDecision"/>).
/// </summary>
public static class MdtReviews
{
    public const string RuleId = "SCHED-MDT";

    public static TherapyItemPlanned? After(TherapyPlan plan, ResponseImagingPerformed performed, ClinicalRuleSet rules, DateTimeOffset now)
    {
        // Only the response assessments of conversion are reviewed here; follow-up and surveillance studies are not.
        if (plan.Find(performed.ItemId)?.ItemType != TherapyItemTypes.ResponseImaging)
        {
            return null;
        }

        var number = plan.Items.Count(i => i.ItemType == TherapyItemTypes.MdtReview) + 1;
        var days = rules.MdtReviewDaysAfterAssessment;
        return new TherapyItemPlanned(plan.Id, PlanIds.MdtReviewPrefix + number, TherapyItemTypes.MdtReview, PlanIds.NoDrug, TherapyPhases.Conversion, number,
            performed.PerformedOn.AddDays(days), null, "", performed.ItemId, days, RuleId, rules.Version, now);
    }
}
