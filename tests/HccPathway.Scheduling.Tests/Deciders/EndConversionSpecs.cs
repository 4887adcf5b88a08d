using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.EndingConversion;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class EndConversionSpecs
{
    private static MdtDecisionRecorded Decided(TherapyPlan plan, string outcome) =>
        new(plan.Id, Guid.NewGuid(), outcome, "PD under mRECIST", ["oncologist"], D(7, 1), null, "FAIL-1a", true, "dr-house", Given.At(D(7, 1)));

    /// <summary>TACE-1 and CAM-1 done; the MDT's decision is in the stream, as SurgeryPlanning appends it before publishing.</summary>
    private static (TherapyPlan Plan, MdtDecisionRecorded Decision) DecidedAfterFirstDose(string outcome)
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));
        var decision = Decided(plan, outcome);
        return (plan.Apply(decision), decision);
    }

    [Theory]
    [InlineData(MdtOutcomes.SecondLine)]
    [InlineData(MdtOutcomes.WatchAndWait)]
    public void Given_second_line_or_watch_and_wait_then_every_outstanding_conversion_item_is_cancelled_naming_SCHED_CYCLES_once(string outcome)
    {
        var (plan, decision) = DecidedAfterFirstDose(outcome);

        var ended = EndConversion.Decide(plan, decision, Given.At(D(7, 1)));

        var cancelled = ended.Events.OfType<TherapyItemCancelled>().ToList();
        // Camrelizumab and the conversion's response imaging (SCHED-IMG) end together.
        Assert.Equal(["CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "CAM-7", "IMG-1", "IMG-2"],
            cancelled.Where(c => c.ItemType != TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId).Order());
        // SCHED-LAB: the labs of every cancelled dose go with it.
        Assert.Equal(["LAB-CAM-2", "LAB-CAM-3", "LAB-CAM-4", "LAB-CAM-5", "LAB-CAM-6", "LAB-CAM-7"],
            cancelled.Where(c => c.ItemType == TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId).Order());
        Assert.All(cancelled, c => Assert.Equal("SCHED-CYCLES", c.RuleId));
        Assert.Contains(outcome, cancelled[0].Reason, StringComparison.Ordinal);
        var after = plan.Then(ended);
        Assert.DoesNotContain(after.Items, i => i.IsOutstanding);
        Assert.False(after.ConversionCyclesContinue);
        Assert.Empty(EndConversion.Decide(after, decision, Given.At(D(7, 2))).Events);
    }

    [Fact]
    public void Given_conversion_ended_then_a_dose_already_planned_elsewhere_plans_no_further_cycle()
    {
        // Without the decision, cancelling a camrelizumab dose plans one more (SCHED-CYCLES' rolling horizon).
        var (plan, _) = DecidedAfterFirstDose(MdtOutcomes.ContinueConversion);
        var (ended, _) = DecidedAfterFirstDose(MdtOutcomes.SecondLine);

        var continuing = plan.Cancel("CAM-2", D(7, 2)).Events.OfType<TherapyItemPlanned>().Where(i => i.ItemType == TherapyItemTypes.Camrelizumab);
        var stopped = ended.Cancel("CAM-2", D(7, 2)).Events.OfType<TherapyItemPlanned>().Where(i => i.ItemType == TherapyItemTypes.Camrelizumab);

        Assert.Single(continuing);
        Assert.Empty(stopped);
    }

    [Theory]
    [InlineData(MdtOutcomes.ContinueConversion)]
    [InlineData(MdtOutcomes.Resect)]
    public void Given_continue_conversion_or_resect_then_ending_conversion_cancels_nothing(string outcome)
    {
        var (plan, decision) = DecidedAfterFirstDose(outcome);

        Assert.Empty(EndConversion.Decide(plan, decision, Given.At(D(7, 1))).Events);
        Assert.True(plan.ConversionCyclesContinue);
    }
}
