using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Adjuvant;
using HccPathway.Scheduling.TherapyPlans.EndingConversion;
using HccPathway.Scheduling.TherapyPlans.FollowUp;
using HccPathway.Scheduling.TherapyPlans.RecordingImaging;
using HccPathway.Scheduling.TherapyPlans.Reviews;
using static HccPathway.Scheduling.Tests.Deciders.MdtReviewSpecs;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>SCHED-FU imaging after conversion failure, SCHED-SURV surveillance, and the end of the adjuvant course (SURG-ADJ).</summary>
public sealed class FollowUpSpecs
{
    private static IEnumerable<(string, DateOnly)> Outstanding(TherapyPlan plan, string itemType) =>
        plan.Items.Where(i => i.ItemType == itemType && i.IsOutstanding).Select(i => (i.ItemId, i.DueOn));

    /// <summary>The MDT's decision as both consumers apply it: conversion ends, then the follow-up series start.</summary>
    private static TherapyPlan After(TherapyPlan plan, MdtDecisionRecorded decision)
    {
        var (withDecision, followed) = Decided(plan, decision);
        var after = withDecision.Then(followed);
        return after.Then(EndConversion.Decide(after, decision, decision.RecordedAt));
    }

    private static TherapyPlan SecondLine(DateOnly decidedOn, DateOnly? studyOn = null)
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        if (studyOn is { } on)
        {
            plan = Imaged(plan, on);
        }

        return After(plan, MdtDecided(plan, MdtOutcomes.SecondLine, decidedOn));
    }

    [Fact]
    public void Given_second_line_then_follow_up_imaging_is_due_FollowUpImagingMaximumWeeks_after_the_last_study_and_two_stay_ahead()
    {
        var plan = SecondLine(D(7, 15), studyOn: D(7, 10));

        Assert.Equal([("FU-1", D(8, 21)), ("FU-2", D(10, 2))], Outstanding(plan, TherapyItemTypes.FollowUpImaging));
        var first = plan.Find("FU-1")!;
        Assert.Equal((TherapyPhases.FollowUp, "SCHED-FU", (string?)null), (first.Phase, first.RuleId, first.FollowsItemId));
        Assert.Equal(("FU-1", (int?)42), (plan.Find("FU-2")!.FollowsItemId, plan.Find("FU-2")!.DaysAfter));
        Assert.DoesNotContain(plan.Items, i => i.Phase == TherapyPhases.Conversion && i.IsOutstanding);
    }

    [Theory]
    [InlineData(8, 21, 8, 21)]
    [InlineData(8, 22, 8, 22)]
    [InlineData(9, 1, 9, 1)]
    public void Given_a_late_decision_then_the_first_follow_up_study_is_never_before_it(int month, int day, int dueMonth, int dueDay)
    {
        var plan = SecondLine(D(month, day), studyOn: D(7, 10));

        Assert.Equal(D(dueMonth, dueDay), plan.Due("FU-1"));
    }

    [Fact]
    public void Given_no_study_yet_then_the_first_follow_up_study_counts_from_the_decision()
    {
        Assert.Equal(D(7, 15).AddDays(42), SecondLine(D(7, 15)).Due("FU-1"));
    }

    [Fact]
    public void Given_a_follow_up_study_done_early_then_it_is_done_the_next_counts_from_it_and_one_more_is_booked()
    {
        var plan = SecondLine(D(7, 15), studyOn: D(7, 10));

        var decision = RecordResponseImaging.Decide(plan, Study(plan, D(8, 14)), Given.Rules, D(8, 14), Given.At(D(8, 14)));
        plan = plan.Then(decision);

        Assert.Equal((ItemState.Done, (DateOnly?)D(8, 14)), (plan.Find("FU-1")!.State, plan.Find("FU-1")!.ActualOn));
        Assert.Equal([("FU-2", D(9, 25)), ("FU-3", D(11, 6))], Outstanding(plan, TherapyItemTypes.FollowUpImaging));
        // SCHED-MDT reviews the response assessments of conversion, not follow-up studies.
        Assert.Null(plan.Find("MDT-2"));
        Assert.Empty(FollowMdtDecision.Decide(plan, MdtDecided(plan, MdtOutcomes.SecondLine, D(8, 20)), Given.Rules, Given.At(D(8, 20))).Events
            .OfType<TherapyItemPlanned>());
    }

    [Fact]
    public void Given_watch_and_wait_after_second_line_then_follow_up_imaging_is_cancelled_and_surveillance_starts()
    {
        var plan = SecondLine(D(7, 15), studyOn: D(7, 10));

        plan = After(plan, MdtDecided(plan, MdtOutcomes.WatchAndWait, D(9, 1)));

        Assert.Empty(Outstanding(plan, TherapyItemTypes.FollowUpImaging));
        Assert.Equal("SCHED-FU", plan.Find("FU-1")!.CancelledReason![..8]);
        Assert.Equal([("SURV-WW-1", D(12, 1)), ("SURV-WW-2", new DateOnly(2027, 3, 1))], Outstanding(plan, TherapyItemTypes.Surveillance));
    }

    [Fact]
    public void Given_watch_and_wait_then_surveillance_follows_the_early_then_late_intervals_and_a_study_books_the_next()
    {
        var plan = Given.Started();
        plan = After(plan, MdtDecided(plan, MdtOutcomes.WatchAndWait, D(7, 1)));
        Assert.Equal([("SURV-WW-1", D(10, 1)), ("SURV-WW-2", new DateOnly(2027, 1, 1))], Outstanding(plan, TherapyItemTypes.Surveillance));
        Assert.Equal("SCHED-SURV", plan.Find("SURV-WW-1")!.RuleId);

        plan = plan.Then(RecordResponseImaging.Decide(plan, Study(plan, D(9, 28)), Given.Rules, D(9, 28), Given.At(D(9, 28))));

        Assert.Equal(ItemState.Done, plan.Find("SURV-WW-1")!.State);
        Assert.Equal([("SURV-WW-2", new DateOnly(2027, 1, 1)), ("SURV-WW-3", new DateOnly(2027, 4, 1))], Outstanding(plan, TherapyItemTypes.Surveillance));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(8, 24)]
    [InlineData(9, 30)]
    [InlineData(10, 36)]
    public void Surveillance_visits_are_every_3_months_for_2_years_then_every_6_months(int visit, int months)
    {
        Assert.Equal(months, Surveillance.MonthsAfterStart(visit, Given.Rules));
    }

    [Fact]
    public void Given_the_same_decision_again_or_an_exit_then_no_series_grows()
    {
        var plan = Given.Started();
        var decision = MdtDecided(plan, MdtOutcomes.WatchAndWait, D(7, 1));
        plan = After(plan, decision);

        Assert.Empty(FollowMdtDecision.Decide(plan, decision, Given.Rules, Given.At(D(7, 2))).Events);
        var exited = plan.Apply(new PathwayExited(plan.Id, PathwayExitReason.Died, D(8, 1), "Died", "dr-house", Given.At(D(8, 1))));
        Assert.Empty(Surveillance.Extend(exited, Given.Rules, Given.At(D(8, 2))));
    }

    [Fact]
    public void Given_the_adjuvant_plan_then_watch_and_wait_ends_recurrence_surveillance_counts_from_surgery_and_the_course_end_is_an_item()
    {
        var plan = Given.Started();
        plan = After(plan, MdtDecided(plan, MdtOutcomes.WatchAndWait, D(7, 1)));
        var decided = new AdjuvantTherapyDecided(plan.Id, D(9, 1), D(10, 1), 6, [Drugs.Camrelizumab], "R0", "2026.2", "dr-house", Given.At(D(9, 20)));

        var decision = PlanAdjuvant.Decide(plan, decided, Guid.NewGuid(), Given.Rules, Given.At(D(9, 20)));
        plan = plan.Then(decision);

        Assert.DoesNotContain(plan.Items, i => i.ItemId.StartsWith("SURV-WW-", StringComparison.Ordinal) && i.IsOutstanding);
        Assert.Equal([("SURV-R-1", D(12, 1)), ("SURV-R-2", new DateOnly(2027, 3, 1))], Outstanding(plan, TherapyItemTypes.Surveillance));
        var end = plan.Find(PlanIds.AdjuvantEnd)!;
        Assert.Equal((TherapyItemTypes.AdjuvantEnd, new DateOnly(2027, 4, 1), TherapyPhases.Adjuvant, "SURG-ADJ"), (end.ItemType, end.DueOn, end.Phase, end.RuleId));
        Assert.Contains(PlanIds.AdjuvantEnd, Assert.Single(decision.Events.OfType<AdjuvantTherapyPlanned>()).ItemIds);
        Assert.Equal(D(9, 29), plan.Due("LAB-ADJ-CAM-1"));
        Assert.Empty(PlanAdjuvant.Decide(plan, decided, Guid.NewGuid(), Given.Rules, Given.At(D(9, 21))).Events);
    }
}
