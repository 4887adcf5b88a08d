using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.FollowUp;
using HccPathway.SurgeryPlanning.Mdt;
using HccPathway.SurgeryPlanning.Readiness;
using static HccPathway.SurgeryPlanning.Tests.Deciders.Patients;

namespace HccPathway.SurgeryPlanning.Tests.Deciders;

/// <summary>Once the patient left the pathway: commands are refused, readiness closes, the agenda and worklist drop them.</summary>
public sealed class PathwayExitSpecs
{
    private static readonly ClinicalRuleSet Rules = ClinicalRuleSet.Default;

    private static PathwayExited Died(Guid id) => new(id, PathwayExitReason.Died, Today.AddDays(-1), "Died at home.", "dr", Now);

    [Fact]
    public void The_surgery_pathway_is_refused_PATHWAY_EXITED_only_once_the_exit_is_folded()
    {
        var pathway = Enrolled(Guid.NewGuid());
        Assert.Null(PathwayExit.Refusal(pathway));

        Assert.Equal("PATHWAY-EXITED", PathwayExit.Refusal(pathway.Apply(Died(pathway.Id)))!.RuleId);
    }

    [Fact]
    public void A_ready_patient_who_left_is_off_the_agenda_off_the_follow_up_worklist_and_readiness_is_closed_with_the_reason()
    {
        var checklist = Ready();
        ReadinessChanges.Reevaluate(checklist, ReadinessEvaluator.Evaluate(checklist, Today, Rules), null, Now);
        checklist.MdtDecisions.Add(new MdtFact(Guid.NewGuid(), MdtOutcomes.WatchAndWait, Today.AddDays(-30), null, Now.AddDays(-30)));
        Assert.Single(MdtAgenda.For([checklist], Today, Rules));
        Assert.Single(FollowUpWorklist.For([checklist], Today, Rules));

        Assert.True(FactRecording.RecordUpstream(checklist, Died(checklist.Id), Guid.NewGuid()));

        Assert.Empty(MdtAgenda.For([checklist], Today, Rules));
        Assert.Empty(FollowUpWorklist.For([checklist], Today, Rules));
        var view = ChecklistQueries.View(checklist, Today, Rules);
        Assert.Equal((ChecklistQueries.ClosedVerdict, PathwayExitReason.Died, Today.AddDays(-1)), (view.Verdict, view.ClosedBecause, view.ClosedOn));
        Assert.Empty(view.Blocking);
    }

    [Fact]
    public void After_the_exit_a_late_upstream_fact_appends_no_readiness_evaluation()
    {
        var checklist = Ready();
        FactRecording.RecordUpstream(checklist, Died(checklist.Id), Guid.NewGuid());
        FactRecording.Record(checklist, LiverFunction(Today, childPugh: 9), Guid.NewGuid());

        Assert.Empty(ChecklistWrites.Reevaluate(checklist, Rules, Today, Now, Guid.NewGuid()).Events);
    }
}
