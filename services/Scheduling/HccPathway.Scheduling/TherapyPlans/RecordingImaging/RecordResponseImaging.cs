using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.RecordingImaging;

/// <summary>
/// SCHED-IMG: a follow-up study assessed by Assessment fulfils the earliest response imaging item still outstanding,
/// and the horizon books the next. A baseline study, a study already counted (a redelivery, or the new judgement of a
/// corrected study) or a plan with no imaging outstanding (conversion over) changes nothing.
/// </summary>
public static class RecordResponseImaging
{
    public static Decision Decide(TherapyPlan plan, ResponseAssessed assessed, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        if (assessed.IsBaseline || !plan.IsPlanned || plan.HasExited || plan.ImagedStudyIds.Contains(assessed.StudyId))
        {
            return Decision.Append();
        }

        var item = plan.Items.Where(i => i.ItemType == TherapyItemTypes.ResponseImaging && i.IsOutstanding).MinBy(i => i.Sequence);
        if (item is null)
        {
            return Decision.Append();
        }

        var performed = new ResponseImagingPerformed(plan.Id, item.ItemId, assessed.StudyId, assessed.StudyOn, item.DueOn, assessed.Modality, now);
        return Decision.Append(Horizon.Restore(plan, [performed], rules, today, now));
    }
}
