using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans.Planning;

/// <summary>
/// Plans the LEN-TAP regimen when a patient is enrolled (SCHED-LEN, SCHED-TACE, SCHED-CAM): lenvatinib from the next
/// working day after enrolment, at the dose for the enrolment weight; TACE 14 days later; camrelizumab 14 days after
/// TACE, then every 21 days; response imaging every 6 weeks from the start (SCHED-IMG); labs before each dose and
/// session (SCHED-LAB). A pathway is planned once: a
/// repeated enrolment message plans nothing.
/// </summary>
public static class PlanRegimen
{
    public static Decision Decide(TherapyPlan state, PatientEnrolled enrolment, Guid enrolmentEventId, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now)
    {
        // PATH-EXIT: an exit that reached the stream before the enrolment was planned leaves nothing to plan.
        if (state.IsPlanned || state.HasExited)
        {
            return Decision.Append();
        }

        // SCHED-LEN: a baseline weight corrected after the enrolment but before this plan is already on the stream.
        var weight = state.BaselineWeightKg ?? enrolment.WeightKg;
        var start = ClinicalDates.NextWorkingDay(enrolment.EnrolledOn);
        var planned = LenTapScheduler.Plan(start, WeightKg.FromKilograms(weight), rules);
        if (!planned.TryGetValue(out var plan))
        {
            // Not retryable: the enrolment itself is wrong. It goes to the error queue with the reason.
            return Rejection.Invalid("enrolment",
                $"Cannot plan pathway {enrolment.PathwayId}: " + string.Join("; ", planned.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var regimen = plan.Items.Select((item, index) => ItemPlanned(enrolment.PathwayId, item, index == 0 ? null : plan.Items[index - 1], rules, now)).ToArray();
        var started = AggregateFold<TherapyPlan>.Apply(new TherapyPlan { Id = enrolment.PathwayId, IsPlanned = true }, regimen);
        TherapyItemPlanned[] conversion = [.. regimen, .. ResponseImaging.Extend(started, rules, today, now)];
        TherapyItemPlanned[] items = [.. conversion, .. Horizon.Steps(AggregateFold<TherapyPlan>.Apply(started, conversion[regimen.Length..]), rules, now).Cast<TherapyItemPlanned>()];
        return Decision.Append(
        [
            new RegimenPlanned(
                enrolment.PathwayId,
                enrolmentEventId,
                enrolment.EnrolledOn,
                weight,
                start,
                plan.LenvatinibDailyDoseMilligrams,
                rules.CamrelizumabDoseMilligrams,
                items.Select(i => i.ItemId).ToArray(),
                plan.RuleSetVersion,
                now),
            .. items,
        ]);
    }

    private static TherapyItemPlanned ItemPlanned(Guid pathwayId, ScheduledItem item, ScheduledItem? previous, ClinicalRuleSet rules, DateTimeOffset now)
    {
        // The cascade rule each item follows (SCHED-TACE: 14 days after lenvatinib; SCHED-CAM: 14 after TACE, then 21).
        int? daysAfter = item.Component switch
        {
            RegimenComponent.Tace => rules.TaceDaysAfterLenvatinibStart,
            RegimenComponent.Camrelizumab when item.Sequence == 1 => rules.CamrelizumabFirstDoseDaysAfterTace,
            RegimenComponent.Camrelizumab => rules.CamrelizumabIntervalDays,
            _ => null,
        };

        return new TherapyItemPlanned(
            pathwayId,
            item.ItemId,
            item.Component switch
            {
                RegimenComponent.Lenvatinib => TherapyItemTypes.LenvatinibStart,
                RegimenComponent.Tace => TherapyItemTypes.Tace,
                _ => TherapyItemTypes.Camrelizumab,
            },
            PlanIds.DrugOf(item.Component),
            TherapyPhases.Conversion,
            item.Sequence,
            item.PlannedDate,
            item.DoseMilligrams,
            item.Route,
            daysAfter is null ? null : previous?.ItemId,
            daysAfter,
            item.RuleId,
            rules.Version,
            now);
    }
}
