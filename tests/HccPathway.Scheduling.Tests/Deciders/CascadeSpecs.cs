using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class CascadeSpecs
{
    private readonly TherapyPlan started = Given.Started();

    [Fact]
    public void Given_TACE_due_on_day_14_when_performed_on_day_20_then_SCHED_CAM_moves_the_whole_camrelizumab_series_by_6_days()
    {
        var decision = started.Tace(D(6, 22));

        var all = decision.Events.OfType<TherapyItemRescheduled>().ToList();
        var moves = all.Where(m => m.ItemType == TherapyItemTypes.Camrelizumab).ToList();
        Assert.Equal(["CAM-1", "CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6"], moves.Select(m => m.ItemId));

        // SCHED-LAB: each dose's labs move with it; TACE-1's own labs were closed by the session.
        var labs = all.Where(m => m.ItemType == TherapyItemTypes.PreDoseLabs).ToList();
        Assert.Equal(["LAB-CAM-1", "LAB-CAM-2", "LAB-CAM-3", "LAB-CAM-4", "LAB-CAM-5", "LAB-CAM-6"], labs.Select(m => m.ItemId));
        Assert.All(labs, m => Assert.Equal(6, m.DueOn.DayNumber - m.PreviousDueOn.DayNumber));
        Assert.Equal(ItemState.Done, started.Then(decision).Find("LAB-TACE-1")!.State);
        Assert.All(moves, m => Assert.Equal(6, m.DueOn.DayNumber - m.PreviousDueOn.DayNumber));
        Assert.All(moves, m => Assert.Equal((RescheduleCauses.Cascade, "TACE-1"), (m.Cause, m.CausedByItemId)));
        Assert.Equal(D(7, 6), moves[0].DueOn);
        var after = started.Then(decision);
        Assert.Equal(D(7, 27), after.Due("CAM-2"));
    }

    [Fact]
    public void Given_TACE_on_time_when_performed_then_nothing_is_rescheduled()
    {
        Assert.Empty(started.Tace(D(6, 16)).Events.OfType<TherapyItemRescheduled>());
    }

    [Fact]
    public void Given_two_consecutive_delays_of_TACE_when_each_is_recorded_then_each_moves_camrelizumab_from_the_latest_TACE_date()
    {
        var once = started.Then(started.Delay("TACE-1", D(6, 19)));
        Assert.Equal((D(6, 19), D(7, 3), D(7, 24)), (once.Due("TACE-1"), once.Due("CAM-1"), once.Due("CAM-2")));

        var second = once.Delay("TACE-1", D(6, 24), "Patient unwell");
        var twice = once.Then(second);

        var tace = second.Events.OfType<TherapyItemRescheduled>().First();
        Assert.Equal(("TACE-1", D(6, 19), D(6, 24), RescheduleCauses.Delayed, "Patient unwell"), (tace.ItemId, tace.PreviousDueOn, tace.DueOn, tace.Cause, tace.Reason));
        Assert.Equal((D(6, 24), D(7, 8), D(7, 29)), (twice.Due("TACE-1"), twice.Due("CAM-1"), twice.Due("CAM-2")));
    }

    [Fact]
    public void Given_CAM_2_delayed_when_CAM_1_is_then_given_late_then_CAM_2_keeps_the_later_of_its_delay_and_the_cascade()
    {
        var afterTace = started.Then(started.Tace(D(6, 16)));
        var delayed = afterTace.Then(afterTace.Delay("CAM-2", D(7, 24)));
        Assert.Equal(D(7, 24), delayed.Due("CAM-2"));

        var lateCam1 = delayed.Then(delayed.Camrelizumab(D(7, 6)));

        Assert.Equal(D(7, 27), lateCam1.Due("CAM-2"));
        Assert.Equal(D(8, 17), lateCam1.Due("CAM-3"));
    }

    [Fact]
    public void Given_actual_dates_only_when_cascaded_then_the_dates_match_the_clinical_librarys_cascade()
    {
        var plan = started.Then(started.Tace(D(6, 20)));
        plan = plan.Then(plan.Camrelizumab(D(7, 8)));

        var library = LenTapScheduler.Cascade(
            LenTapScheduler.Plan(D(6, 2), WeightKg.FromKilograms(70m), Given.Rules).Value,
            [new ActualAdministration("LEN-1", D(6, 2)), new ActualAdministration("TACE-1", D(6, 20)), new ActualAdministration("CAM-1", D(7, 8))],
            Given.Rules).Value;

        // The library lays out the first horizon of treatment only; the plan also has response imaging (SCHED-IMG) and
        // has since planned CAM-7 (SCHED-CYCLES).
        Assert.Equal(library.Items.Select(i => (i.ItemId, i.PlannedDate)), plan.Items.Take(library.Items.Count).Select(i => (i.ItemId, i.ActualOn ?? i.DueOn)));
        Assert.Equal(["IMG-1", "IMG-2", "CAM-7"], plan.Items.Skip(library.Items.Count).Where(i => i.ItemType != TherapyItemTypes.PreDoseLabs).Select(i => i.ItemId));
    }

    [Fact]
    public void Given_a_delay_to_an_earlier_date_then_400_and_nothing_appended()
    {
        var rejection = Given.Refused(started.Delay("TACE-1", D(6, 10)), ServiceDefaults.Http.RejectionKind.Invalid);

        Assert.Contains("dueOn", rejection.Errors!.Keys);
    }
}
