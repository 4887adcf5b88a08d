using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Adjuvant;
using HccPathway.Scheduling.TherapyPlans.ChangingStart;
using HccPathway.Scheduling.TherapyPlans.Exit;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>SCHED-IMG: response imaging during conversion, a rolling horizon of studies every 6 weeks from the start.</summary>
public sealed class ResponseImagingSpecs
{
    private static IEnumerable<PlanItem> Imaging(TherapyPlan plan) => plan.Items.Where(i => i.ItemType == TherapyItemTypes.ResponseImaging);

    private static IEnumerable<string> Outstanding(TherapyPlan plan) => Imaging(plan).Where(i => i.IsOutstanding).Select(i => i.ItemId);

    private static TherapyPlan AfterTace()
    {
        var plan = Given.Started();
        return plan.Then(plan.Tace(D(6, 16)));
    }

    [Fact]
    public void Given_an_enrolment_when_planned_then_IMG_1_and_IMG_2_are_due_6_and_12_weeks_after_the_start_following_LEN_1()
    {
        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events;

        var imaging = events.OfType<TherapyItemPlanned>().Where(i => i.ItemType == TherapyItemTypes.ResponseImaging).ToList();
        Assert.Equal(
            [("IMG-1", 1, D(7, 14), "LEN-1", 42), ("IMG-2", 2, D(8, 25), "LEN-1", 84)],
            imaging.Select(i => (i.ItemId, i.Sequence, i.DueOn, i.FollowsItemId!, i.DaysAfter!.Value)));
        Assert.All(imaging, i => Assert.Equal(("SCHED-IMG", TherapyPhases.Conversion, "", (decimal?)null), (i.RuleId, i.Phase, i.Drug, i.DoseMg)));
        Assert.Contains("IMG-2", Assert.IsType<RegimenPlanned>(events[0]).ItemIds);
    }

    [Fact]
    public void Given_the_interval_configured_to_4_weeks_when_planned_then_the_studies_are_4_weeks_apart()
    {
        var rules = Given.Rules with { ResponseImagingIntervalWeeks = 4 };

        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(), Guid.NewGuid(), rules, Given.Today, Given.Now).Events;

        Assert.Equal([D(6, 30), D(7, 28)], events.OfType<TherapyItemPlanned>().Where(i => i.ItemType == TherapyItemTypes.ResponseImaging).Select(i => i.DueOn));
    }

    [Fact]
    public void Given_the_start_moved_by_six_days_then_every_study_moves_with_it()
    {
        var plan = Given.Planned();

        plan = plan.Then(ChangeStart.Decide(plan, new(D(6, 8), "Patient away"), Given.Coordinator, Given.Today, Given.Now));

        Assert.Equal([D(7, 20), D(8, 31)], Imaging(plan).Select(i => i.DueOn));
    }

    [Fact]
    public void Given_IMG_1_skipped_and_IMG_2_cancelled_then_IMG_3_and_IMG_4_are_planned_from_the_start_and_two_stay_ahead()
    {
        var plan = AfterTace();

        var skipped = plan.Skip("IMG-1", D(7, 14), "Scanner down");
        plan = plan.Then(skipped);
        var cancelled = plan.Cancel("IMG-2", D(7, 20), "Scan done elsewhere");
        plan = plan.Then(cancelled);

        var img3 = Assert.Single(skipped.Events.OfType<TherapyItemPlanned>());
        Assert.Equal(("IMG-3", 3, D(10, 6), "SCHED-IMG"), (img3.ItemId, img3.Sequence, img3.DueOn, img3.RuleId));
        Assert.Equal("IMG-4", Assert.Single(cancelled.Events.OfType<TherapyItemPlanned>()).ItemId);
        Assert.Equal(D(11, 17), plan.Due("IMG-4"));
        Assert.Equal(["IMG-3", "IMG-4"], Outstanding(plan));
    }

    [Fact]
    public void Given_a_camrelizumab_dose_given_then_no_study_is_added_while_two_are_ahead()
    {
        var plan = AfterTace();

        var decision = plan.Camrelizumab(D(6, 30));

        Assert.DoesNotContain(decision.Events.OfType<TherapyItemPlanned>(), p => p.ItemType == TherapyItemTypes.ResponseImaging);
    }

    [Fact]
    public void Given_a_washout_for_surgery_then_studies_from_the_intended_date_are_cancelled_the_one_before_stays_and_none_is_planned_after()
    {
        var plan = AfterTace();
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));
        var resect = new MdtDecisionRecorded(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR", ["surgeon"], D(8, 1), D(8, 20), "SURG-READY", true, "dr-house", Given.At(D(8, 1)));

        var washout = PlanWashout.Decide(plan, resect, Given.Rules, D(8, 1), Given.At(D(8, 1)));
        plan = Given.Fold(plan, washout.Events);

        var cancelled = Assert.Single(washout.Events.OfType<TherapyItemCancelled>(), c => c.ItemType == TherapyItemTypes.ResponseImaging);
        Assert.Equal(("IMG-2", "SURG-WASH"), (cancelled.ItemId, cancelled.RuleId));
        Assert.Equal(["IMG-1"], Outstanding(plan));
        var skipped = plan.Skip("IMG-1", D(8, 3), "Restaged at the MDT");
        Assert.Empty(skipped.Events.OfType<TherapyItemPlanned>());
        Assert.Empty(ResponseImaging.Extend(plan.Then(skipped), Given.Rules, D(8, 3), Given.At(D(8, 3))));
    }

    [Fact]
    public void Given_the_adjuvant_plan_then_every_outstanding_study_is_cancelled_naming_SURG_ADJ_and_none_is_planned()
    {
        var plan = AfterTace();
        var decided = new AdjuvantTherapyDecided(plan.Id, D(7, 1), D(8, 1), 6, [Drugs.Lenvatinib, Drugs.Camrelizumab], "R0, high risk", "2026.1", "dr-house", Given.At(D(7, 20)));

        var events = PlanAdjuvant.Decide(plan, decided, Guid.NewGuid(), Given.Rules, Given.At(D(7, 20))).Events;
        plan = Given.Fold(plan, events);

        Assert.Equal(["IMG-1", "IMG-2"], events.OfType<TherapyItemCancelled>().Where(c => c.ItemType == TherapyItemTypes.ResponseImaging && c.RuleId == "SURG-ADJ").Select(c => c.ItemId));
        Assert.Empty(Outstanding(plan));
        Assert.Empty(ResponseImaging.Extend(plan, Given.Rules, D(7, 20), Given.At(D(7, 20))));
    }

    [Fact]
    public void Given_the_patient_left_then_every_outstanding_study_is_cancelled_naming_PATH_EXIT_and_none_is_planned()
    {
        var plan = AfterTace();
        var exit = new PathwayExited(plan.Id, PathwayExitReason.ConsentWithdrawn, D(7, 1), "Withdrew consent", "dr-house", Given.At(D(7, 1)));
        plan = plan.Apply(exit);

        var decision = CloseOnExit.Decide(plan, exit, Given.At(D(7, 1)));
        plan = plan.Then(decision);

        Assert.Equal(["IMG-1", "IMG-2"], decision.Events.OfType<TherapyItemCancelled>().Where(c => c.ItemType == TherapyItemTypes.ResponseImaging && c.RuleId == "PATH-EXIT").Select(c => c.ItemId));
        Assert.Empty(ResponseImaging.Extend(plan, Given.Rules, D(7, 2), Given.At(D(7, 2))));
    }

    /// <summary>A stream as the build before SCHED-IMG wrote it: the regimen without any imaging item.</summary>
    private static TherapyPlan WrittenWithoutImaging()
    {
        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events
            .Where(e => e is not TherapyItemPlanned { ItemType: TherapyItemTypes.ResponseImaging })
            .Select(e => e is RegimenPlanned r ? r with { ItemIds = [.. r.ItemIds.Where(id => !id.StartsWith(PlanIds.ResponseImagingPrefix, StringComparison.Ordinal))] } : e);
        var plan = Given.Fold(new TherapyPlan(), events);
        Assert.Empty(Imaging(plan));
        plan = plan.Then(plan.StartLenvatinib(D(6, 2)));
        return plan.Then(plan.Tace(D(6, 16)));
    }

    [Fact]
    public void Given_a_stream_written_without_imaging_when_the_next_dose_is_given_then_IMG_1_and_IMG_2_are_planned_from_the_start()
    {
        var plan = WrittenWithoutImaging();

        var decision = plan.Camrelizumab(D(6, 30));

        Assert.Equal(
            [("IMG-1", D(7, 14)), ("IMG-2", D(8, 25))],
            decision.Events.OfType<TherapyItemPlanned>().Where(p => p.RuleId == "SCHED-IMG").Select(p => (p.ItemId, p.DueOn)));
        Assert.Equal(["IMG-1", "IMG-2"], Outstanding(plan.Then(decision)));
    }

    [Fact]
    public void Given_a_stream_written_without_imaging_ten_weeks_in_when_a_dose_is_skipped_then_the_series_starts_at_the_first_slot_not_past()
    {
        var plan = WrittenWithoutImaging();

        var decision = plan.Skip("CAM-1", D(8, 11), "Patient unwell");

        // 10 weeks after the start: the 6-week study is past and is not booked retroactively; the 12-week one is next.
        Assert.Equal(
            [("IMG-2", 2, D(8, 25)), ("IMG-3", 3, D(10, 6))],
            decision.Events.OfType<TherapyItemPlanned>().Where(p => p.RuleId == "SCHED-IMG").Select(p => (p.ItemId, p.Sequence, p.DueOn)));
    }
}
