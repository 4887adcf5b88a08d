using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>Assessment's aggregate folds Intake's exit, so the writer's guard (PATHWAY-EXITED) refuses its commands.</summary>
public sealed class PathwayExitSpecs
{
    [Fact]
    public void An_enrolled_pathway_is_not_refused_until_the_exit_is_folded()
    {
        var pathway = Given.Enrolled();
        Assert.Null(PathwayExit.Refusal(pathway));

        var exited = pathway.Apply(IntakeFacts.Exited(pathway.Id, Given.Day(30)));

        var refusal = PathwayExit.Refusal(exited);
        Assert.Equal(RejectionKind.Conflict, refusal!.Kind);
        Assert.Equal("PATHWAY-EXITED", refusal.RuleId);
        Assert.Equal(Given.Day(30), exited.Exit!.ExitedOn);
    }
}
