using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Planning;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class PlanRegimenSpecs
{
    [Fact]
    public void Given_an_enrolment_on_a_Monday_when_planned_then_LEN_TAP_starts_the_next_day_with_TACE_on_day_14_and_camrelizumab_every_21_days()
    {
        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events;

        var regimen = Assert.IsType<RegimenPlanned>(events[0]);
        Assert.Equal(new DateOnly(2026, 6, 2), regimen.StartOn);
        Assert.Equal(Given.Rules.Version, regimen.RuleSetVersion);
        var items = events.OfType<TherapyItemPlanned>().ToDictionary(i => i.ItemId);
        Assert.Equal(regimen.ItemIds, items.Keys);
        Assert.Equal(new DateOnly(2026, 6, 2), items["LEN-1"].DueOn);
        Assert.Equal(new DateOnly(2026, 6, 16), items["TACE-1"].DueOn);
        Assert.Equal(new DateOnly(2026, 6, 30), items["CAM-1"].DueOn);
        Assert.Equal(new DateOnly(2026, 7, 21), items["CAM-2"].DueOn);
        Assert.Equal(200m, items["CAM-1"].DoseMg);
        Assert.Equal(("TACE-1", 14), (items["CAM-1"].FollowsItemId, items["CAM-1"].DaysAfter));
        Assert.All(items.Values, i => Assert.Equal(Given.Rules.Version, i.RuleSetVersion));
    }

    [Theory]
    [InlineData(60.0, 12.0)]
    [InlineData(59.9, 8.0)]
    public void Given_the_enrolment_weight_when_planned_then_SCHED_LEN_picks_the_dose_by_the_60_kg_line(decimal weightKg, decimal expectedMg)
    {
        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(weightKg: weightKg), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events;

        Assert.Equal(expectedMg, Assert.IsType<RegimenPlanned>(events[0]).LenvatinibDailyDoseMg);
        Assert.Equal(expectedMg, events.OfType<TherapyItemPlanned>().Single(i => i.ItemId == "LEN-1").DoseMg);
    }

    [Fact]
    public void Given_an_enrolment_on_a_Friday_when_planned_then_the_start_is_the_next_Monday()
    {
        var events = PlanRegimen.Decide(new TherapyPlan(), Given.Enrolment(enrolledOn: new DateOnly(2026, 6, 5)), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events;

        Assert.Equal(new DateOnly(2026, 6, 8), Assert.IsType<RegimenPlanned>(events[0]).StartOn);
    }

    [Fact]
    public void Given_a_planned_pathway_when_the_enrolment_arrives_again_then_nothing_is_planned()
    {
        Assert.Empty(PlanRegimen.Decide(Given.Planned(), Given.Enrolment(), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events);
    }

    [Fact]
    public void Given_a_plan_not_started_when_the_coordinator_moves_the_start_then_every_item_moves_with_old_and_new_dates()
    {
        var plan = Given.Planned();

        var decision = Scheduling.TherapyPlans.ChangingStart.ChangeStart.Decide(
            plan, new(new DateOnly(2026, 6, 8), "Patient away"), Given.Coordinator, Given.Today, Given.Now);

        Assert.Null(decision.Rejection);
        Assert.IsType<RegimenStartChanged>(decision.Events[0]);
        var moves = decision.Events.OfType<TherapyItemRescheduled>().ToDictionary(m => m.ItemId);
        Assert.Equal(plan.Items.Select(i => i.ItemId), moves.Keys);
        Assert.All(moves.Values, m => Assert.Equal(6, m.DueOn.DayNumber - m.PreviousDueOn.DayNumber));
        Assert.All(moves.Values, m => Assert.Equal(RescheduleCauses.StartChanged, m.Cause));
    }

    [Fact]
    public void Given_lenvatinib_started_when_the_start_is_moved_then_409_SCHED_LEN()
    {
        var planned = Given.Planned();
        var plan = planned.Then(Scheduling.TherapyPlans.RecordingActuals.StartLenvatinib.Decide(
            planned, new(new DateOnly(2026, 6, 2), null, null), Given.Coordinator, new DateOnly(2026, 6, 2), Given.At(new DateOnly(2026, 6, 2)), Given.Options));

        var rejection = Given.Refused(
            Scheduling.TherapyPlans.ChangingStart.ChangeStart.Decide(plan, new(new DateOnly(2026, 6, 9), "late"), Given.Coordinator, Given.Today, Given.Now),
            ServiceDefaults.Http.RejectionKind.Conflict);
        Assert.Equal("SCHED-LEN", rejection.RuleId);
    }
}
