using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.LiverFunction;
using HccPathway.Assessment.Pathways.Starting;
using HccPathway.Contracts.Assessment;
using static HccPathway.Assessment.Tests.Deciders.Given;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Assessment.Tests.Deciders;

public sealed class LiverFunctionAndStartSpecs
{
    private static readonly RecordLiverFunction.Request Full = new(
        null, Day(90), 20m, 38m, 1.2m, "none", 0, 9m, 1, 700m, null, 38m, 30m, true, "AST/ALT normal");

    [Fact]
    public void SCORE_CP_and_SCORE_FLR_given_a_full_reassessment_then_Child_Pugh_and_the_FLR_ratio_are_computed_for_SURG_READY()
    {
        var events = Accepted(RecordLiverFunction.Decide(Enrolled(), Full, Guid.NewGuid(), "dr", Rules, Today, Now));

        var assessed = events.OfType<LiverFunctionAssessed>().Single();
        Assert.Equal((5, "A"), (assessed.ChildPugh!.Points, assessed.ChildPugh.Class));
        Assert.Equal(1, assessed.Ecog);
        Assert.Equal(9m, assessed.IcgR15Percent);
        Assert.True(assessed.ImmuneHepatitisExcluded);

        // SCORE-SLV (Vauthey) from 175 cm and 70 kg: BSA 1.8447 m², SLV 1543.3 mL; 700 / 1543.3 = 0.454.
        Assert.Equal(1543.3, assessed.StandardLiverVolumeMillilitres!.Value, 1);
        Assert.Equal(0.454, assessed.FutureLiverRemnantRatio!.Value, 3);
    }

    [Fact]
    public void SCORE_CP_given_only_some_Child_Pugh_factors_then_invalid_naming_the_missing_ones()
    {
        var partial = Full with { Inr = null, Ascites = null };

        var rejection = RecordLiverFunction.Decide(Enrolled(), partial, Guid.NewGuid(), "dr", Rules, Today, Now).Rejection!;

        Assert.Equal(["ascites", "inr"], rejection.Errors!.Keys.Order());
    }

    [Fact]
    public void SURG_WASH_given_immune_hepatitis_excluded_without_saying_how_then_invalid()
    {
        var rejection = RecordLiverFunction.Decide(Enrolled(), Full with { ImmuneHepatitisEvidence = " " }, Guid.NewGuid(), "dr", Rules, Today, Now).Rejection!;

        Assert.Equal(["immuneHepatitisEvidence"], rejection.Errors!.Keys);
    }

    [Fact]
    public void Given_assessment_already_started_when_the_enrolment_arrives_again_then_nothing_is_appended()
    {
        var state = Enrolled();
        var started = StartAssessment.IfNeeded(state, state.Enrolment!, Now);
        state = AggregateFold<AssessmentPathway>.Apply(state, started);

        Assert.Single(started);
        Assert.Empty(StartAssessment.IfNeeded(state, state.Enrolment!, Now));
    }
}
