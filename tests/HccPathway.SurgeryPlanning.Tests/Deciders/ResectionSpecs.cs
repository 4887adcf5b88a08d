using HccPathway.Clinical.Rules;
using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Adjuvant;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Pathways;
using HccPathway.SurgeryPlanning.Resection;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

public class ResectionSpecs
{
    private static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    private static SurgeryPathway DecidedToResect(Guid id) => Enrolled(id).Apply(new MdtDecisionRecorded(
        id, Guid.NewGuid(), MdtOutcomes.Resect, "ready", ["surgeon"], Today, Today.AddDays(30), "SURG-READY", true, "dr", Now));

    private static Decision Schedule(SurgeryPathway p, PatientChecklist c, DateOnly on, string? overrideReason = null, bool withOverride = false) =>
        ScheduleResection.Decide(p, c, new ScheduleResection.Request(on, "right hepatectomy",
            withOverride ? new ScheduleResection.Override(overrideReason) : null), "dr-surgeon", Rules, Today, Now);

    private static RecordResection.Request Outcome(DateOnly on, decimal viable = 0m, string margin = "R0", string? edmondson = null) =>
        new(on, null, margin, 15m, viable, edmondson, false, false, 1, 40m, false, [new RecordResection.Complication("bile leak", "IIIa", on)]);

    [Fact]
    public void Given_TACE_camrelizumab_and_stopped_lenvatinib_when_washout_evaluated_then_SURG_WASH_earliest_date_is_the_latest_washout()
    {
        var c = Ready();
        FactRecording.Record(c, new TacePerformed(c.Id, "TACE-1", 1, Today.AddDays(-10), Today.AddDays(-10), "dr", Now), Guid.NewGuid());
        FactRecording.Record(c, new LenvatinibStarted(c.Id, "LEN-1", Start, Start, 12, 12, null, "dr", Now), Guid.NewGuid());
        FactRecording.Record(c, new LenvatinibStopped(c.Id, Today.AddDays(-2), 12, "surgery", "dr", Now), Guid.NewGuid());
        FactRecording.Record(c, new CamrelizumabAdministered(c.Id, "CAM-3", 3, Today.AddDays(-7), Today.AddDays(-7), 200, 200, null, "dr", Now), Guid.NewGuid());

        var washout = WashoutCalculation.Evaluate(c, Today, Rules);

        Assert.Equal(Today.AddDays(-10 + 28), Single(washout, DrugClasses.Tace).EarliestSurgeryOn);
        Assert.Equal(Today.AddDays(-2 + 7), Single(washout, DrugClasses.SmallMoleculeTki).EarliestSurgeryOn);
        Assert.Equal(Today.AddDays(-7), Single(washout, DrugClasses.ImmuneCheckpointInhibitor).EarliestSurgeryOn);
        Assert.Equal(Today.AddDays(18), washout.EarliestSafeSurgeryOn);
        Assert.True(washout.ImmuneHepatitisExclusionRequired);
        Assert.Single(washout.OutstandingPrerequisites);
    }

    [Fact]
    public void Given_immune_hepatitis_excluded_after_the_last_ICI_dose_when_washout_evaluated_then_no_prerequisite_is_outstanding()
    {
        var c = Ready();
        FactRecording.Record(c, new CamrelizumabAdministered(c.Id, "CAM-3", 3, Today.AddDays(-7), Today.AddDays(-7), 200, 200, null, "dr", Now), Guid.NewGuid());
        var exclusion = Guid.NewGuid();
        FactRecording.Record(c, LiverFunction(Today.AddDays(-1), immuneHepatitisExcluded: true), exclusion);
        var washout = WashoutCalculation.Evaluate(c, Today, Rules);
        Assert.Empty(washout.OutstandingPrerequisites);
        Assert.Equal(exclusion, washout.ImmuneHepatitisExclusionEventId);
    }

    [Fact]
    public void Given_an_exclusion_before_the_last_ICI_dose_when_washout_evaluated_then_SURG_WASH_still_requires_it()
    {
        var c = Ready();
        FactRecording.Record(c, LiverFunction(Today.AddDays(-9), immuneHepatitisExcluded: true), Guid.NewGuid());
        FactRecording.Record(c, new CamrelizumabAdministered(c.Id, "CAM-3", 3, Today.AddDays(-7), Today.AddDays(-7), 200, 200, null, "dr", Now), Guid.NewGuid());
        Assert.Single(WashoutCalculation.Evaluate(c, Today, Rules).OutstandingPrerequisites);
    }

    [Fact]
    public void Given_lenvatinib_still_taken_when_washout_evaluated_then_the_TKI_stop_counts_from_today()
    {
        var c = Ready();
        FactRecording.Record(c, new LenvatinibStarted(c.Id, "LEN-1", Start, Start, 12, 12, null, "dr", Now), Guid.NewGuid());
        var tki = Single(WashoutCalculation.Evaluate(c, Today, Rules), DrugClasses.SmallMoleculeTki);
        Assert.True(tki.Ongoing);
        Assert.Equal(Today.AddDays(Rules.TyrosineKinaseInhibitorWashoutDays), tki.EarliestSurgeryOn);
    }

    [Fact]
    public void Given_a_ready_checklist_and_washout_met_when_scheduling_then_the_resection_is_scheduled_without_override()
    {
        var c = Ready();
        var p = DecidedToResect(c.Id);
        var scheduled = Assert.IsType<ResectionScheduled>(Assert.Single(Schedule(p, c, Today.AddDays(7)).Events));
        Assert.False(scheduled.Override);
        Assert.Equal(p.LastMdt!.DecisionId, scheduled.MdtDecisionId);
        Assert.Empty(scheduled.NotPassingCriteria);
    }

    [Fact]
    public void Given_a_checklist_not_all_pass_when_scheduling_without_override_then_SURG_READY_refuses()
    {
        var c = Ready();
        c.R0ResectionFeasible = null;
        var d = Schedule(DecidedToResect(c.Id), c, Today.AddDays(7));
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Equal("SURG-READY", d.Rejection!.RuleId);
        Assert.Contains("r0-feasible: unknown", d.Rejection.Detail);
    }

    [Fact]
    public void Given_a_date_before_the_TACE_washout_when_scheduling_without_override_then_SURG_WASH_refuses()
    {
        var c = Ready();
        FactRecording.Record(c, new TacePerformed(c.Id, "TACE-2", 2, Today.AddDays(-10), Today.AddDays(-10), "dr", Now), Guid.NewGuid());
        Assert.Equal("SURG-WASH", Schedule(DecidedToResect(c.Id), c, Today.AddDays(7)).Rejection?.RuleId);
    }

    [Fact]
    public void Given_an_override_with_a_reason_when_scheduling_a_blocked_patient_then_the_override_and_blockers_are_recorded()
    {
        var c = Ready();
        c.R0ResectionFeasible = null;
        var scheduled = Assert.IsType<ResectionScheduled>(Assert.Single(
            Schedule(DecidedToResect(c.Id), c, Today.AddDays(7), "Surgeon assessed in theatre planning.", withOverride: true).Events));
        Assert.True(scheduled.Override);
        Assert.Equal("Surgeon assessed in theatre planning.", scheduled.OverrideReason);
        Assert.Equal(["r0-feasible: unknown"], scheduled.NotPassingCriteria);
    }

    [Fact]
    public void Given_an_override_without_reason_when_scheduling_then_it_is_invalid()
    {
        var c = Ready();
        var d = Schedule(DecidedToResect(c.Id), c, Today.AddDays(7), " ", withOverride: true);
        Assert.Contains("override.reason", d.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void Given_no_resect_decision_when_scheduling_then_it_is_refused()
    {
        var c = Ready();
        Assert.Equal(RejectionKind.Conflict, Schedule(Enrolled(c.Id), c, Today.AddDays(7)).Rejection?.Kind);
    }

    [Fact]
    public void Given_no_scheduled_resection_when_recording_the_outcome_then_it_is_refused_and_nothing_appended()
    {
        var c = Ready();
        var d = RecordResection.Decide(DecidedToResect(c.Id), c, Outcome(Today), "dr", Rules, Today, Now);
        Assert.Equal(RejectionKind.Conflict, d.Rejection?.Kind);
        Assert.Empty(d.Events);
    }

    [Fact]
    public void Given_a_scheduled_resection_when_the_outcome_is_recorded_then_SURG_PATH_and_SURG_RISK_are_appended()
    {
        var c = Ready();
        var p = DecidedToResect(c.Id);
        p = p.Apply((ResectionScheduled)Schedule(p, c, Today).Events[0]);
        var d = RecordResection.Decide(p, c, Outcome(Today, viable: 0m, edmondson: "III"), "dr", Rules, Today, Now);
        var performed = Assert.IsType<ResectionPerformed>(d.Events[0]);
        var risk = Assert.IsType<RecurrenceRiskEvaluated>(d.Events[1]);
        Assert.True(performed.Pathology.PathologicalCompleteResponse);
        Assert.True(performed.Pathology.MajorPathologicalResponse);
        Assert.Equal("IIIa", Assert.Single(performed.Complications).ClavienDindoGrade);
        Assert.Equal(RecurrenceRiskLevels.High, risk.Level);
        Assert.Contains(risk.Factors, f => f.Criterion == "Edmondson III–IV" && f.Outcome == "pass");
    }

    [Fact]
    public void Given_bad_pathology_fields_when_recording_the_outcome_then_each_is_named()
    {
        var c = Ready();
        var d = RecordResection.Decide(DecidedToResect(c.Id), c,
            Outcome(Today, viable: 120m, margin: "R3") with { Complications = [new RecordResection.Complication("x", "VI", Today)] },
            "dr", Rules, Today, Now);
        Assert.Equal(["complications[0].clavienDindoGrade", "margin", "viableTumourPercent"], d.Rejection!.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("2027-01-31", "2027-02-28")]
    [InlineData("2027-03-15", "2027-04-15")]
    public void Given_a_performed_resection_when_adjuvant_is_decided_then_SURG_ADJ_starts_one_month_after_surgery(string surgery, string start)
    {
        var surgeryOn = DateOnly.Parse(surgery);
        var p = Enrolled(Guid.NewGuid()) with
        {
            ResectionPerformed = new ResectionPerformed(Guid.Empty, Guid.NewGuid(), surgeryOn, "x", "R0", null,
                new ResectionPathology(5, false, true, null, null, null, null, null, null), [], "2025.1", "dr", Now),
        };
        var decided = Assert.IsType<AdjuvantTherapyDecided>(Assert.Single(
            DecideAdjuvant.Decide(p, new DecideAdjuvant.Request(6, null, "Continue LEN + camrelizumab."), "dr", Rules, Now).Events));
        Assert.Equal(DateOnly.Parse(start), decided.StartOn);
        Assert.Equal([Drugs.Camrelizumab, Drugs.Lenvatinib], decided.Drugs.Order());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(13)]
    public void Given_a_duration_outside_6_to_12_months_when_adjuvant_is_decided_then_SURG_ADJ_refuses(int months)
    {
        var d = DecideAdjuvant.Decide(Enrolled(Guid.NewGuid()), new DecideAdjuvant.Request(months, null, "r"), "dr", Rules, Now);
        Assert.Contains("durationMonths", d.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void Given_no_resection_when_adjuvant_is_decided_then_SURG_ADJ_refuses()
    {
        var d = DecideAdjuvant.Decide(Enrolled(Guid.NewGuid()), new DecideAdjuvant.Request(6, null, "r"), "dr", Rules, Now);
        Assert.Equal("SURG-ADJ", d.Rejection?.RuleId);
    }

    private static WashoutClass Single(WashoutEvaluation w, string drugClass) => Assert.Single(w.Classes, x => x.DrugClass == drugClass);
}
