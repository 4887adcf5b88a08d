using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.RecordingImaging;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>SCHED-IMG: a follow-up study assessed by Assessment fulfils the earliest imaging item still outstanding.</summary>
public sealed class RecordResponseImagingSpecs
{
    private static ResponseAssessed Assessed(TherapyPlan plan, DateOnly on, bool baseline = false, Guid? studyId = null)
    {
        var criteria = new CriteriaResponse("mRECIST", "RESP-MRECIST", baseline ? null : "PR", 40m, 80m, 80m, -50m, -50m, "PR", "PR");
        return new ResponseAssessed(plan.Id, studyId ?? Guid.NewGuid(), on, ImagingModalities.Mri, baseline, Guid.NewGuid(), D(5, 25),
            criteria, criteria, [], ExtrahepaticStatuses.None, Given.Rules.Version, Given.At(on));
    }

    private static IEnumerable<string> Outstanding(TherapyPlan plan) =>
        plan.Items.Where(i => i.ItemType == TherapyItemTypes.ResponseImaging && i.IsOutstanding).Select(i => i.ItemId);

    [Fact]
    public void Given_a_follow_up_study_then_the_earliest_imaging_item_is_done_on_its_date_and_the_next_is_booked()
    {
        var plan = Given.Started();
        var study = Assessed(plan, D(7, 10));

        var decision = RecordResponseImaging.Decide(plan, study, Given.Rules, D(7, 11), Given.At(D(7, 11)));

        var performed = Assert.Single(decision.Events.OfType<ResponseImagingPerformed>());
        Assert.Equal(("IMG-1", D(7, 10), study.StudyId), (performed.ItemId, performed.PerformedOn, performed.StudyId));
        var after = plan.Then(decision);
        Assert.Equal((ItemState.Done, (DateOnly?)D(7, 10)), (after.Find("IMG-1")!.State, after.Find("IMG-1")!.ActualOn));
        Assert.Equal(["IMG-2", "IMG-3"], Outstanding(after));
    }

    [Fact]
    public void Given_the_same_study_again_or_a_baseline_study_then_nothing_is_appended()
    {
        var plan = Given.Started();
        var study = Assessed(plan, D(7, 10));
        var after = plan.Then(RecordResponseImaging.Decide(plan, study, Given.Rules, D(7, 11), Given.At(D(7, 11))));

        Assert.Empty(RecordResponseImaging.Decide(after, study, Given.Rules, D(7, 12), Given.At(D(7, 12))).Events);
        Assert.Empty(RecordResponseImaging.Decide(plan, Assessed(plan, D(6, 1), baseline: true), Given.Rules, D(6, 2), Given.At(D(6, 2))).Events);
    }

    [Fact]
    public void Given_the_patient_left_then_a_study_changes_nothing()
    {
        var plan = Given.Started();
        plan = plan.Apply(new PathwayExited(plan.Id, PathwayExitReason.TransferredToAnotherCentre, D(7, 1), "Moved", "dr-house", Given.At(D(7, 1))));

        Assert.Empty(RecordResponseImaging.Decide(plan, Assessed(plan, D(7, 10)), Given.Rules, D(7, 11), Given.At(D(7, 11))).Events);
    }
}
