using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans.Reviews;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.RecordingImaging;

/// <summary>
/// SCHED-IMG: a follow-up study assessed by Assessment fulfils the earliest imaging item still outstanding (response
/// imaging, SCHED-FU follow-up imaging or SCHED-SURV surveillance), and the horizon books the next. A response
/// assessment also books its MDT review (SCHED-MDT). A baseline study, a study already counted (a redelivery, or the new judgement of a
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

        // One imaging series runs at a time (conversion, follow-up after failure, or surveillance); the earliest item is fulfilled.
        var item = plan.Items.Where(i => i.IsOutstanding && IsImaging(i.ItemType)).OrderBy(i => i.DueOn).ThenBy(i => i.Sequence).FirstOrDefault();
        if (item is null)
        {
            return Decision.Append();
        }

        var performed = new ResponseImagingPerformed(plan.Id, item.ItemId, assessed.StudyId, assessed.StudyOn, item.DueOn, assessed.Modality, now);
        // SCHED-MDT: an MDT review follows each response assessment.
        object[] events = MdtReviews.After(plan, performed, rules, now) is { } review ? [performed, review] : [performed];

        // SCHED-FU: the next follow-up study counts from this one.
        var moved = Cascade.Reschedules(ServiceDefaults.EventStore.AggregateFold<TherapyPlan>.Apply(plan, events), item.ItemId, RescheduleCauses.Cascade, null, "scheduling", now);
        return Decision.Append(Horizon.Restore(plan, [.. events, .. moved], rules, today, now));
    }

    private static bool IsImaging(string itemType) =>
        itemType is TherapyItemTypes.ResponseImaging or TherapyItemTypes.FollowUpImaging or TherapyItemTypes.Surveillance;
}
