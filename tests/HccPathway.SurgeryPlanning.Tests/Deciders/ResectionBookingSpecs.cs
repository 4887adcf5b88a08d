using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using HccPathway.SurgeryPlanning.Resection;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

/// <summary>Booking, moving and cancelling a resection: SURG-READY and SURG-WASH are judged for the surgery date.</summary>
public class ResectionBookingSpecs
{
    private static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    private static SurgeryPathway DecidedToResect(Guid id) => Enrolled(id).Apply(new MdtDecisionRecorded(
        id, Guid.NewGuid(), MdtOutcomes.Resect, "ready", ["surgeon"], Today, Today.AddDays(30), "SURG-READY", true, "dr", Now));

    private static Decision Schedule(SurgeryPathway p, PatientChecklist c, DateOnly on) =>
        ScheduleResection.Decide(p, c, new ScheduleResection.Request(on, "right hepatectomy", null), "dr-surgeon", Rules, Today, Now);

    private static SurgeryPathway Booked(PatientChecklist c, DateOnly on)
    {
        var p = DecidedToResect(c.Id);
        return p.Apply(Assert.IsType<ResectionScheduled>(Assert.Single(Schedule(p, c, on).Events)));
    }

    private static Decision Reschedule(SurgeryPathway p, PatientChecklist c, DateOnly? on, string? reason = "Theatre list moved.", string? overrideReason = null) =>
        RescheduleResection.Decide(p, c, new RescheduleResection.Request(on, reason,
            overrideReason is null ? null : new ScheduleResection.Override(overrideReason)), "dr-surgeon", Rules, Today, Now);

    private static Decision Cancel(SurgeryPathway p, string? reason = "Patient declined surgery.") =>
        CancelResection.Decide(p, new CancelResection.Request(reason), "dr-surgeon", Now);

    private static Decision Outcome(SurgeryPathway p, PatientChecklist c, DateOnly on) =>
        RecordResection.Decide(p, c, new RecordResection.Request(on, null, "R0", 15m, 0m, null, false, false, 1, 40m, false, []), "dr", Rules, Today, Now);

    private static SurgeryPathway Performed(SurgeryPathway p, PatientChecklist c) =>
        p.Apply(Assert.IsType<ResectionPerformed>(Outcome(p, c, Today).Events[0]));

    [Fact]
    public void Given_a_booked_resection_when_rescheduled_with_a_reason_then_the_new_date_is_recorded_with_readiness_for_it()
    {
        var c = Ready();
        var p = Booked(c, Today.AddDays(7));
        var moved = Assert.IsType<ResectionRescheduled>(Assert.Single(Reschedule(p, c, Today.AddDays(14)).Events));
        Assert.Equal(p.ResectionScheduled!.ResectionId, moved.ResectionId);
        Assert.Equal(Today.AddDays(7), moved.PreviousScheduledOn);
        Assert.Equal(Today.AddDays(14), moved.ScheduledOn);
        Assert.Equal("Theatre list moved.", moved.Reason);
        Assert.Equal(ReadinessVerdicts.Ready, moved.ReadinessVerdict);
        Assert.False(moved.Override);
        Assert.Equal(Today.AddDays(14), p.Apply(moved).ResectionBookedOn);
    }

    [Fact]
    public void Given_evidence_fresh_today_but_stale_on_the_booked_date_when_scheduling_then_SURG_READY_refuses_for_that_date()
    {
        // The response scan is 10 days old today; on a date 25 days ahead it is 35 days old (over the 30-day limit).
        var c = Ready();
        Assert.Null(Schedule(DecidedToResect(c.Id), c, Today.AddDays(7)).Rejection);
        var d = Schedule(DecidedToResect(c.Id), c, Today.AddDays(25));
        Assert.Equal("SURG-READY", d.Rejection?.RuleId);
        Assert.Contains(Today.AddDays(25).ToString("yyyy-MM-dd"), d.Rejection!.Detail);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_a_new_date_where_the_evidence_is_stale_when_rescheduling_then_SURG_READY_refuses()
    {
        var c = Ready();
        var d = Reschedule(Booked(c, Today.AddDays(7)), c, Today.AddDays(40));
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Equal("SURG-READY", d.Rejection!.RuleId);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_a_new_date_before_the_TACE_washout_ends_when_rescheduling_then_SURG_WASH_refuses_naming_the_earliest_safe_date()
    {
        var c = Ready();
        var p = Booked(c, Today.AddDays(7));
        FactRecording.Record(c, new TacePerformed(c.Id, "TACE-2", 2, Today.AddDays(-10), Today.AddDays(-10), "dr", Now), Guid.NewGuid());
        var d = Reschedule(p, c, Today.AddDays(10));
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Equal("SURG-WASH", d.Rejection!.RuleId);
        Assert.Contains("earliest safe date " + Today.AddDays(18).ToString("yyyy-MM-dd"), d.Rejection.Detail);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_lenvatinib_still_taken_when_booking_three_days_ahead_then_SURG_WASH_refuses_with_the_TKI_stop_date()
    {
        var c = Ready();
        FactRecording.Record(c, new LenvatinibStarted(c.Id, "LEN-1", Start, Start, 12, 12, null, "dr", Now), Guid.NewGuid());
        var d = Schedule(DecidedToResect(c.Id), c, Today.AddDays(3));
        Assert.Equal("SURG-WASH", d.Rejection?.RuleId);
        Assert.Contains("earliest safe date " + Today.AddDays(Rules.TyrosineKinaseInhibitorWashoutDays).ToString("yyyy-MM-dd"), d.Rejection!.Detail);
    }

    [Fact]
    public void Given_an_override_with_a_reason_when_rescheduling_into_the_washout_then_it_is_accepted_and_recorded()
    {
        var c = Ready();
        var p = Booked(c, Today.AddDays(7));
        FactRecording.Record(c, new TacePerformed(c.Id, "TACE-2", 2, Today.AddDays(-10), Today.AddDays(-10), "dr", Now), Guid.NewGuid());
        var moved = Assert.IsType<ResectionRescheduled>(Assert.Single(Reschedule(p, c, Today.AddDays(10), overrideReason: "Tumour growth; MDT accepts the risk.").Events));
        Assert.True(moved.Override);
        Assert.Equal("Tumour growth; MDT accepts the risk.", moved.OverrideReason);
        Assert.Equal(Today.AddDays(18), moved.Washout.EarliestSafeSurgeryOn);
    }

    [Fact]
    public void Given_a_performed_resection_when_rescheduled_or_cancelled_then_409_and_nothing_appended()
    {
        var c = Ready();
        var p = Performed(Booked(c, Today), c);
        var moved = Reschedule(p, c, Today.AddDays(7));
        var cancelled = Cancel(p);
        Assert.Equal(RejectionKind.Conflict, moved.Rejection?.Kind);
        Assert.Equal("SURG-PATH", moved.Rejection!.RuleId);
        Assert.Equal(RejectionKind.Conflict, cancelled.Rejection?.Kind);
        Assert.Empty(moved.Events);
        Assert.Empty(cancelled.Events);
    }

    [Fact]
    public void Given_a_cancelled_resection_when_rescheduled_or_cancelled_again_then_409_but_a_new_one_can_be_scheduled()
    {
        var c = Ready();
        var booked = Booked(c, Today.AddDays(7));
        var cancel = Assert.IsType<ResectionCancelled>(Assert.Single(Cancel(booked).Events));
        Assert.Equal(Today.AddDays(7), cancel.ScheduledOn);
        Assert.Equal("Patient declined surgery.", cancel.Reason);
        var p = booked.Apply(cancel);

        Assert.Equal(RejectionKind.Conflict, Reschedule(p, c, Today.AddDays(9)).Rejection?.Kind);
        Assert.Contains("cancelled", Cancel(p).Rejection!.Detail);
        Assert.IsType<ResectionScheduled>(Assert.Single(Schedule(p, c, Today.AddDays(9)).Events));
    }

    [Fact]
    public void Given_a_date_before_enrolment_when_scheduling_rescheduling_or_recording_then_400_naming_the_date_field()
    {
        var c = Ready();
        var beforeEnrolment = Enrolled(c.Id).EnrolledOn!.Value.AddDays(-1);
        var booked = Booked(c, Today.AddDays(7));
        Assert.Equal(["scheduledOn"], Schedule(DecidedToResect(c.Id), c, beforeEnrolment).Rejection!.Errors!.Keys);
        var moved = Reschedule(booked, c, beforeEnrolment);
        Assert.Equal(RejectionKind.Invalid, moved.Rejection?.Kind);
        Assert.Contains("enrolment", moved.Rejection!.Detail);
        Assert.Equal(["performedOn"], Outcome(booked, c, beforeEnrolment).Rejection!.Errors!.Keys);
    }

    [Fact]
    public void Given_no_reason_when_rescheduling_or_cancelling_then_400_and_nothing_appended()
    {
        var c = Ready();
        var p = Booked(c, Today.AddDays(7));
        var moved = Reschedule(p, c, Today.AddDays(9), reason: " ");
        var cancelled = Cancel(p, reason: null);
        Assert.Contains("reason", moved.Rejection!.Errors!.Keys);
        Assert.Contains("reason", cancelled.Rejection!.Errors!.Keys);
        Assert.Equal(RejectionKind.Invalid, cancelled.Rejection.Kind);
        Assert.Empty(moved.Events);
        Assert.Empty(cancelled.Events);
    }

    [Fact]
    public void Given_no_booked_resection_when_rescheduling_then_409()
    {
        var c = Ready();
        Assert.Equal(RejectionKind.Conflict, Reschedule(DecidedToResect(c.Id), c, Today.AddDays(9)).Rejection?.Kind);
    }

    [Fact]
    public void Given_evidence_that_supported_surgery_on_the_performed_date_when_a_back_dated_outcome_is_recorded_then_it_is_accepted()
    {
        // Response 10 days ago, liver function 5 days ago, feasibility 3 days ago: all current 2 days ago.
        var c = Ready();
        var performed = Assert.IsType<ResectionPerformed>(Outcome(Booked(c, Today), c, Today.AddDays(-2)).Events[0]);
        Assert.Equal(Today.AddDays(-2), performed.PerformedOn);
    }

    [Fact]
    public void Given_no_response_assessment_yet_on_the_performed_date_when_a_back_dated_outcome_is_recorded_then_SURG_READY_refuses()
    {
        var c = Ready();
        var d = Outcome(Booked(c, Today), c, Today.AddDays(-20));
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Equal("SURG-READY", d.Rejection!.RuleId);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_lenvatinib_still_taken_on_the_performed_date_when_a_back_dated_outcome_is_recorded_then_SURG_WASH_refuses()
    {
        var c = Ready();
        FactRecording.Record(c, new LenvatinibStarted(c.Id, "LEN-1", Start, Start, 12, 12, null, "dr", Now), Guid.NewGuid());
        FactRecording.Record(c, new LenvatinibStopped(c.Id, null, Today.AddDays(-2), 12, "surgery", "dr", Now), Guid.NewGuid());
        var p = Booked(c, Today.AddDays(7));
        var d = Outcome(p, c, Today.AddDays(-3));
        Assert.Equal("SURG-WASH", d.Rejection?.RuleId);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_a_booking_made_with_an_override_when_the_outcome_is_recorded_then_the_override_carries_it()
    {
        var c = Ready();
        c.R0ResectionFeasible = null;
        var p = DecidedToResect(c.Id);
        p = p.Apply(Assert.IsType<ResectionScheduled>(Assert.Single(ScheduleResection.Decide(p, c,
            new ScheduleResection.Request(Today, "right hepatectomy", new ScheduleResection.Override("MDT reviewed on paper.")), "dr", Rules, Today, Now).Events)));
        Assert.IsType<ResectionPerformed>(Outcome(p, c, Today).Events[0]);
    }
}
