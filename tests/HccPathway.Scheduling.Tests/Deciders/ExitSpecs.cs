using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.Exit;
using HccPathway.Scheduling.TherapyPlans.Holds;
using HccPathway.Scheduling.TherapyPlans.Planning;
using HccPathway.Scheduling.TherapyPlans.Surgery;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Scheduling.Tests.Deciders.Steps;

namespace HccPathway.Scheduling.Tests.Deciders;

public sealed class ExitSpecs
{
    private static PathwayExited Exit(TherapyPlan plan) =>
        new(plan.Id, PathwayExitReason.ConsentWithdrawn, D(7, 1), "Wishes to stop treatment", "dr-house", Given.At(D(7, 1)));

    /// <summary>TACE-1 and CAM-1 done; the patient withdrew consent on 1 July, as the stream shows.</summary>
    private static (TherapyPlan Plan, PathwayExited Exit) Exited()
    {
        var plan = Given.Started();
        plan = plan.Then(plan.Tace(D(6, 16)));
        plan = plan.Then(plan.Camrelizumab(D(6, 30)));
        var exit = Exit(plan);
        return (plan.Apply(exit), exit);
    }

    [Fact]
    public void Given_the_patient_left_when_the_exit_arrives_then_every_outstanding_item_is_cancelled_naming_PATH_EXIT_once()
    {
        var (plan, exit) = Exited();

        var decision = CloseOnExit.Decide(plan, exit, Given.At(D(7, 1)));

        var cancelled = decision.Events.OfType<TherapyItemCancelled>().ToList();
        Assert.Equal(["CAM-2", "CAM-3", "CAM-4", "CAM-5", "CAM-6", "IMG-1", "IMG-2", "CAM-7"],
            cancelled.Where(c => c.ItemType != TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId));
        Assert.Equal(["LAB-CAM-2", "LAB-CAM-3", "LAB-CAM-4", "LAB-CAM-5", "LAB-CAM-6", "LAB-CAM-7"],
            cancelled.Where(c => c.ItemType == TherapyItemTypes.PreDoseLabs).Select(c => c.ItemId).Order());
        Assert.All(cancelled, c => Assert.Equal(("PATH-EXIT", "scheduling"), (c.RuleId, c.CancelledBy)));
        Assert.Contains("consent withdrawn", cancelled[0].Reason, StringComparison.Ordinal);
        var after = plan.Then(decision);
        Assert.DoesNotContain(after.Items, i => i.IsOutstanding);
        Assert.Empty(CloseOnExit.Decide(after, exit, Given.At(D(7, 2))).Events);
    }

    [Fact]
    public void Given_the_patient_left_then_every_command_is_409_PATHWAY_EXITED_and_nothing_appended()
    {
        var (plan, _) = Exited();

        Decision[] commands =
        [
            plan.Camrelizumab(D(7, 21)),
            plan.Skip("CAM-2", D(7, 2)),
            plan.Cancel("CAM-2", D(7, 2)),
            plan.Reschedule("CAM-2", D(7, 25), D(7, 2)),
            plan.OrderTace(D(8, 1), D(7, 2)),
            plan.Delay("CAM-2", D(7, 28)),
            ResumeTreatment.Decide(plan, Drugs.Camrelizumab, new(D(7, 2), "resume"), "dr-house", D(7, 2), Given.At(D(7, 2)), Given.Options),
        ];

        Assert.All(commands, c => Assert.Equal("PATHWAY-EXITED", Given.Refused(c, RejectionKind.Conflict).RuleId));
    }

    [Fact]
    public void Given_the_patient_left_then_reactions_plan_nothing_more()
    {
        var (plan, exit) = Exited();
        var resect = new MdtDecisionRecorded(plan.Id, Guid.NewGuid(), MdtOutcomes.Resect, "PR", ["surgeon"], D(7, 2), D(8, 31), "SURG-READY", true, "dr-house", Given.At(D(7, 2)));
        var notYetPlanned = new TherapyPlan { Id = plan.Id }.Apply(exit);

        Assert.Empty(PlanWashout.Decide(plan, resect, Given.Rules, D(7, 2), Given.At(D(7, 2))).Events);
        Assert.Empty(PlanRegimen.Decide(notYetPlanned, Given.Enrolment(plan.Id), Guid.NewGuid(), Given.Rules, Given.Today, Given.Now).Events);
    }
}
