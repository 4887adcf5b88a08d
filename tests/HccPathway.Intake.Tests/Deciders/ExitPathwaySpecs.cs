using HccPathway.Contracts.Intake;
using HccPathway.Intake.Pathways.Exiting;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Intake.Tests.Deciders.PathwayStates;

namespace HccPathway.Intake.Tests.Deciders;

public sealed class ExitPathwaySpecs
{
    private static readonly ExitPathway.Request Died = new("Died", Today.AddDays(-2), "  Died at home; family informed. ");

    [Fact]
    public void When_a_death_is_recorded_then_the_pathway_exits_with_the_trimmed_detail_and_who_recorded_it()
    {
        var pathway = Registered();

        var exited = Single<PathwayExited>(ExitPathway.Decide(pathway, Died, "dr-house", Today, Now));

        Assert.Equal(new PathwayExited(pathway.Id, PathwayExitReason.Died, Today.AddDays(-2), "Died at home; family informed.", "dr-house", Now), exited);
    }

    [Fact]
    public void When_the_exit_is_dated_before_the_referral_then_exitedOn_is_rejected()
    {
        var pathway = Registered();

        var decision = ExitPathway.Decide(pathway, Died with { ExitedOn = pathway.ReferralDate.AddDays(-1) }, "dr-house", Today, Now);

        Assert.Empty(decision.Events);
        Assert.Equal(RejectionKind.Invalid, decision.Rejection!.Kind);
        Assert.Equal(["exitedOn"], decision.Rejection.Errors!.Keys);
    }

    [Fact]
    public void When_the_exit_is_dated_on_the_referral_day_it_is_accepted()
    {
        var pathway = Registered();

        Assert.Null(ExitPathway.Decide(pathway, Died with { ExitedOn = pathway.ReferralDate }, "dr-house", Today, Now).Rejection);
    }

    [Fact]
    public void When_the_exit_is_dated_after_today_anywhere_then_exitedOn_is_rejected()
    {
        var decision = ExitPathway.Decide(Registered(), Died with { ExitedOn = Today.AddDays(2) }, "dr-house", Today, Now);

        Assert.Equal(["exitedOn"], decision.Rejection!.Errors!.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Moved")]
    [InlineData("7")]
    public void When_the_reason_is_missing_or_unknown_then_it_is_rejected(string? reason)
    {
        var decision = ExitPathway.Decide(Registered(), Died with { Reason = reason }, "dr-house", Today, Now);

        Assert.Equal(["reason"], decision.Rejection!.Errors!.Keys);
    }

    [Fact]
    public void When_everything_is_missing_then_each_field_is_named_and_nothing_is_appended()
    {
        var decision = ExitPathway.Decide(Registered(), new ExitPathway.Request(null, null, " "), "dr-house", Today, Now);

        Assert.Empty(decision.Events);
        Assert.Equal(["detail", "exitedOn", "reason"], decision.Rejection!.Errors!.Keys.Order());
    }

    [Theory]
    [InlineData("TransferredToAnotherCentre")]
    [InlineData("consentWithdrawn")]
    [InlineData("LostToFollowUp")]
    public void Every_reason_of_the_contract_is_accepted_in_any_case(string reason)
    {
        var exited = Single<PathwayExited>(ExitPathway.Decide(Registered(), Died with { Reason = reason }, "coordinator-1", Today, Now));

        Assert.Equal(reason, exited.Reason.ToString(), ignoreCase: true);
    }
}

/// <summary>The writer's guard (PATHWAY-EXITED) on Intake's aggregate: it holds only once the exit is folded.</summary>
public sealed class PathwayExitGuardSpecs
{
    [Fact]
    public void A_pathway_the_patient_is_still_on_is_not_refused()
    {
        Assert.Null(PathwayExit.Refusal(Registered()));
    }

    [Fact]
    public void Once_the_exit_is_folded_every_command_is_refused_with_409_naming_the_rule_and_the_reason()
    {
        var pathway = Registered();
        var exited = pathway.Apply(Single<PathwayExited>(ExitPathway.Decide(pathway, new("ConsentWithdrawn", Today, "Withdrew consent."), "dr-house", Today, Now)));

        var refusal = PathwayExit.Refusal(exited);

        Assert.Equal(RejectionKind.Conflict, refusal!.Kind);
        Assert.Equal("PATHWAY-EXITED", refusal.RuleId);
        Assert.Contains("ConsentWithdrawn", refusal.Detail);
    }
}
