using HccPathway.Contracts;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Adjuvant;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class SurgerySpecs
{
    /// <summary>Lenvatinib from 2 June, TACE on 16 June, CAM-1 on 30 June, CAM-2 on 21 July; today is 1 August.</summary>
    private static TherapyPlan AfterTwoCamrelizumabDoses()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));
        return plan.Then(plan.Camrelizumab(D(7, 21)));
    }

    private static MdtDecisionRecorded Resect(TherapyPlan plan, DateOnly on) =>
        new(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR with R0 feasible", ["surgeon", "oncologist"], D(8, 1), on, "SURG-READY", true, "dr-house", Given.At(D(8, 1)));

    [Fact]
    public void Given_lenvatinib_running_when_resection_is_planned_then_SURG_WASH_stops_it_7_days_before_and_cancels_camrelizumab_on_or_after_surgery()
    {
        var plan = AfterTwoCamrelizumabDoses();

        var events = PlanWashout.Decide(plan, Resect(plan, D(8, 31)), Given.Rules, D(8, 1), Given.At(D(8, 1))).Events;

        var washout = Assert.IsType<WashoutPlanned>(events[0]);
        var stop = Assert.Single(events.OfType<TherapyItemPlanned>());
        Assert.Equal((TherapyItemTypes.LenvatinibStop, D(8, 24), "SURG-WASH"), (stop.ItemType, stop.DueOn, stop.RuleId));
        var tki = washout.Stops.Single(s => s.DrugClass == DrugClasses.SmallMoleculeTki);
        Assert.Equal((D(8, 24), 7, D(8, 31)), (tki.LastPlannedExposureOn, tki.WashoutDays, tki.EarliestSurgeryOn));
        var tace = washout.Stops.Single(s => s.DrugClass == DrugClasses.Tace);
        Assert.Equal((D(6, 16), 28, D(7, 14)), (tace.LastExposureOn, tace.WashoutDays, tace.EarliestSurgeryOn));

        // CAM-3 is due 11 August (kept); CAM-4 on 1 September and the rest of the horizon are after surgery (cancelled).
        Assert.Equal(["CAM-4", "CAM-5", "CAM-6", "CAM-7", "CAM-8"], events.OfType<TherapyItemCancelled>().Where(c => c.ItemType != TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId));
        var ici = washout.Stops.Single(s => s.DrugClass == DrugClasses.ImmuneCheckpointInhibitor);
        Assert.Equal((D(7, 21), D(8, 11)), (ici.LastExposureOn, ici.LastPlannedExposureOn));
        Assert.Equal((D(8, 31), true), (washout.EarliestSafeSurgeryOn, washout.IntendedDateIsSafe));
        Assert.True(washout.ImmuneHepatitisExclusionRequired);
        Assert.NotEmpty(washout.OutstandingPrerequisites);
    }

    [Fact]
    public void Given_surgery_intended_in_3_days_when_the_washout_is_planned_then_the_earliest_safe_date_is_later_and_the_date_is_flagged_unsafe()
    {
        var plan = AfterTwoCamrelizumabDoses();

        var washout = Assert.IsType<WashoutPlanned>(PlanWashout.Decide(plan, Resect(plan, D(8, 4)), Given.Rules, D(8, 1), Given.At(D(8, 1))).Events[0]);

        Assert.Equal(D(8, 8), washout.EarliestSafeSurgeryOn);
        Assert.False(washout.IntendedDateIsSafe);
    }

    [Fact]
    public void Given_a_washout_planned_when_the_same_decision_arrives_again_then_nothing_is_planned()
    {
        var plan = AfterTwoCamrelizumabDoses();
        var decision = Resect(plan, D(8, 31));
        plan = Given.Fold(plan, PlanWashout.Decide(plan, decision, Given.Rules, D(8, 1), Given.At(D(8, 1))).Events);

        Assert.Empty(PlanWashout.Decide(plan, decision, Given.Rules, D(8, 1), Given.At(D(8, 1))).Events);
    }

    [Fact]
    public void Given_an_MDT_decision_other_than_resect_then_no_washout_is_planned()
    {
        var plan = AfterTwoCamrelizumabDoses();

        Assert.Empty(PlanWashout.Decide(plan, Resect(plan, D(8, 31)) with { Outcome = MdtOutcomes.ContinueConversion }, Given.Rules, D(8, 1), Given.At(D(8, 1))).Events);
    }

    [Fact]
    public void Given_adjuvant_therapy_decided_when_planned_then_SURG_ADJ_restarts_lenvatinib_and_camrelizumab_every_21_days_for_the_course()
    {
        var plan = AfterTwoCamrelizumabDoses();
        var decided = new AdjuvantTherapyDecided(plan.Id, D(9, 1), D(10, 1), 6, [Drugs.Lenvatinib, Drugs.Camrelizumab], "R0, high risk", "2025.1", "dr-house", Given.At(D(9, 20)));

        var events = PlanAdjuvant.Decide(plan, decided, Guid.NewGuid(), Given.Rules, Given.At(D(9, 20))).Events;

        var adjuvant = Assert.Single(events.OfType<AdjuvantTherapyPlanned>());
        Assert.Equal(new DateOnly(2027, 4, 1), adjuvant.EndOn);
        var items = events.OfType<TherapyItemPlanned>().ToList();
        Assert.Equal((PlanIds.AdjuvantLenvatinib, D(10, 1)), (items[0].ItemId, items[0].DueOn));
        var cams = items.Where(i => i.ItemType == TherapyItemTypes.Camrelizumab).ToList();
        Assert.Equal(D(10, 1), cams[0].DueOn);
        Assert.All(cams.Skip(1).Zip(cams), p => Assert.Equal(21, p.First.DueOn.DayNumber - p.Second.DueOn.DayNumber));
        Assert.True(cams[^1].DueOn < adjuvant.EndOn && cams[^1].DueOn.AddDays(21) >= adjuvant.EndOn);
        Assert.Equal(["CAM-3", "CAM-4", "CAM-5", "CAM-6", "IMG-1", "IMG-2", "CAM-7", "CAM-8"],
            events.OfType<TherapyItemCancelled>().Where(c => c.ItemType != TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId));
        Assert.All(items.Where(i => i.Phase != TherapyPhases.FollowUp), i => Assert.Equal(TherapyPhases.Adjuvant, i.Phase));
    }
}
