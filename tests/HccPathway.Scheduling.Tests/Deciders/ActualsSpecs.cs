using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.RecordingActuals;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class ActualsSpecs
{
    [Fact]
    public void Given_lenvatinib_not_started_when_TACE_is_recorded_then_409_SCHED_TACE()
    {
        var rejection = Given.Refused(Given.Planned().Tace(D(6, 16)), RejectionKind.Conflict);

        Assert.Equal("SCHED-TACE", rejection.RuleId);
    }

    [Fact]
    public void Given_lenvatinib_started_when_TACE_is_dated_on_or_before_the_start_then_409_SCHED_TACE()
    {
        Assert.Equal("SCHED-TACE", Given.Refused(Given.Started().Tace(D(6, 2)), RejectionKind.Conflict).RuleId);
    }

    [Fact]
    public void Given_a_date_beyond_the_configured_limit_when_an_actual_is_recorded_then_400_naming_the_field_and_rule()
    {
        var dayAfterTomorrow = D(6, 3);

        var decision = RecordTace.Decide(Given.Started(), new(dayAfterTomorrow, 1), Given.Coordinator, D(6, 1), Given.At(D(6, 1)), Given.Options);

        var rejection = Given.Refused(decision, RejectionKind.Invalid);
        Assert.Equal(["performedOn"], rejection.Errors!.Keys);
        Assert.Equal("SCHED-ACTUAL-DATE", rejection.RuleId);
    }

    [Fact]
    public void Given_a_limit_of_two_days_ahead_when_an_actual_is_dated_tomorrow_then_it_is_accepted()
    {
        var decision = RecordTace.Decide(Given.Started(), new(D(6, 17), 1), Given.Coordinator, D(6, 16), Given.At(D(6, 16)), new SchedulingOptions { ActualDateMaxDaysAhead = 2 });

        Assert.Null(decision.Rejection);
    }

    [Fact]
    public void Given_camrelizumab_planned_at_200_mg_when_a_different_dose_has_no_reason_then_400_SCHED_CAM_and_with_a_reason_it_is_recorded()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));

        var refused = Given.Refused(plan.Camrelizumab(D(6, 30), doseMg: 100m), RejectionKind.Invalid);
        var given = Given.Single<CamrelizumabAdministered>(plan.Camrelizumab(D(6, 30), doseMg: 100m, reason: "Weight-based per local protocol"));

        Assert.Equal("SCHED-CAM", refused.RuleId);
        Assert.Contains("doseReason", refused.Errors!.Keys);
        Assert.Equal(("CAM-1", 1, 100m, 200m, D(6, 30)), (given.ItemId, given.DoseNumber, given.DoseMg, given.PlannedDoseMg, given.AdministeredOn));
    }

    [Fact]
    public void Given_TACE_not_done_when_camrelizumab_is_recorded_then_409_SCHED_CAM()
    {
        Assert.Equal("SCHED-CAM", Given.Refused(Given.Started().Camrelizumab(D(6, 30)), RejectionKind.Conflict).RuleId);
    }

    [Fact]
    public void Given_lenvatinib_at_8_mg_planned_when_started_at_12_mg_without_reason_then_400_SCHED_LEN()
    {
        var rejection = Given.Refused(Given.Planned(weightKg: 55m).StartLenvatinib(D(6, 2), doseMg: 12m), RejectionKind.Invalid);

        Assert.Equal("SCHED-LEN", rejection.RuleId);
    }

    [Fact]
    public void Given_no_plan_when_an_actual_is_recorded_then_409()
    {
        Given.Refused(new TherapyPlan { Id = Guid.NewGuid() }.StartLenvatinib(D(6, 2)), RejectionKind.Conflict);
    }

    [Fact]
    public void Given_lenvatinib_running_when_stopped_then_the_last_dose_and_dose_are_recorded_for_the_washout()
    {
        var plan = Given.Started();

        var stopped = Given.Single<LenvatinibStopped>(StopLenvatinib.Decide(plan, new(D(6, 20), "Hand-foot syndrome"), Given.Coordinator, D(6, 20), Given.At(D(6, 20)), Given.Options));

        Assert.Equal((D(6, 20), 12m), (stopped.LastDoseOn, stopped.LastDailyDoseMg));
    }

    [Fact]
    public void Given_lenvatinib_at_12_mg_when_reduced_then_only_a_configured_lower_level_is_accepted()
    {
        var plan = Given.Started();

        var bad = ChangeLenvatinibDose.Decide(plan, new(D(6, 10), 10m, "AE", null), "dr-house", D(6, 10), Given.At(D(6, 10)), Given.Rules, Given.Options);
        var good = ChangeLenvatinibDose.Decide(plan, new(D(6, 10), 8m, "Grade 2 hypertension", null), "dr-house", D(6, 10), Given.At(D(6, 10)), Given.Rules, Given.Options);

        Assert.Equal("SCHED-HOLD", Given.Refused(bad, RejectionKind.Invalid).RuleId);
        var changed = Given.Single<LenvatinibDoseChanged>(good);
        Assert.Equal((12m, 8m), (changed.PreviousDailyDoseMg, changed.DailyDoseMg));
        Assert.Equal(8m, plan.Then(good).LenvatinibDoseMg);
    }

    [Fact]
    public void Given_a_due_item_when_missed_then_the_reason_is_kept_and_it_stays_outstanding()
    {
        var plan = Given.Started();

        var decision = TherapyPlans.Delays.RecordMissed.Decide(plan, "TACE-1", new("Patient did not attend"), Given.Coordinator, D(6, 17), Given.At(D(6, 17)));

        var after = plan.Then(decision);
        Assert.Equal(("Patient did not attend", true), (after.Find("TACE-1")!.MissedReason, after.Find("TACE-1")!.IsOutstanding));
    }

    [Fact]
    public void Given_a_future_item_when_missed_then_409()
    {
        Given.Refused(TherapyPlans.Delays.RecordMissed.Decide(Given.Started(), "CAM-3", new("?"), Given.Coordinator, Given.Today, Given.Now), RejectionKind.Conflict);
    }
}
