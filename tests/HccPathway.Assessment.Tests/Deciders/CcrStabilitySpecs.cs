using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.CompleteResponse;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>
/// RESP-CCR (4) as a deadline. As in <see cref="CompleteResponseSpecs"/>: baseline AFP 400 ng/mL, the liver target stops
/// enhancing on day 60, AFP normal the same day, a clear PET-CT on day 62: (1)–(3) hold from day 62, and the 3-month
/// period is over on day 62 plus 3 months.
/// </summary>
public sealed class CcrStabilitySpecs
{
    private static readonly DateOnly ConditionsMet = Day(62);
    private static readonly DateOnly PeriodOver = ConditionsMet.AddMonths(3);

    private static AssessmentPathway ConditionsHeldSinceDay62()
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 50m, 40m)));
        Study(ref state, FollowUp(Day(60), Liver("L1", 20m, 0m)));
        Markers(ref state, Day(60), 10m);
        Study(ref state, FollowUp(ConditionsMet) with { Modality = ImagingModalities.PetCt, TargetLesions = [] });
        return state;
    }

    [Fact]
    public void RESP_CCR_4_given_1_to_3_held_since_day_62_when_today_is_exactly_3_months_later_then_the_period_is_reached_naming_its_evidence()
    {
        var state = ConditionsHeldSinceDay62();

        var reached = Assert.IsType<CcrStabilityPeriodReached>(Assert.Single(Accepted(MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now))));

        Assert.Equal((state.Id, ConditionsMet, 3, PeriodOver, "RESP-CCR", Rules.Version),
            (reached.PathwayId, reached.ConditionsMetSince, reached.StabilityMonths, reached.ReachedOn, reached.RuleId, reached.RuleSetVersion));
        Assert.Equal(3, reached.Criteria.Count);
        Assert.All(reached.Criteria, c => Assert.Equal("pass", c.Outcome));
        Assert.NotNull(reached.Evidence.CtStudyId);
        Assert.NotNull(reached.Evidence.PetCtStudyId);
        Assert.Single(reached.Evidence.CompleteResponseStudyIds);
        Assert.Equal(10m, Assert.Single(reached.Evidence.Markers).Value);
    }

    [Fact]
    public void RESP_CCR_4_given_1_to_3_held_since_day_62_when_today_is_a_day_short_of_3_months_then_refused()
    {
        var decision = MarkCcrStabilityReached.Decide(ConditionsHeldSinceDay62(), PeriodOver.AddDays(-1), Rules, Now);

        Assert.Equal((RejectionKind.Conflict, "RESP-CCR"), (decision.Rejection?.Kind, decision.Rejection?.RuleId));
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void RESP_CCR_4_given_a_late_catch_up_then_the_period_is_reached_on_its_own_day_not_on_today()
    {
        var events = Accepted(MarkCcrStabilityReached.Decide(ConditionsHeldSinceDay62(), PeriodOver.AddDays(3), Rules, Now));

        Assert.Equal(PeriodOver, Assert.IsType<CcrStabilityPeriodReached>(Assert.Single(events)).ReachedOn);
    }

    [Fact]
    public void RESP_CCR_4_given_AFP_rose_above_normal_since_then_no_period_runs_and_it_is_refused()
    {
        var state = ConditionsHeldSinceDay62();
        Markers(ref state, Day(100), 90m);

        var decision = MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now);

        Assert.Equal("RESP-CCR", decision.Rejection?.RuleId);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void RESP_CCR_4_given_AFP_broke_and_came_back_then_the_period_runs_again_from_the_new_date()
    {
        var state = ConditionsHeldSinceDay62();
        Markers(ref state, Day(100), 90m);
        Markers(ref state, Day(110), 9m);

        Assert.NotNull(MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now).Rejection);
        var reached = Assert.IsType<CcrStabilityPeriodReached>(
            Assert.Single(Accepted(MarkCcrStabilityReached.Decide(state, Day(110).AddMonths(3), Rules, Now))));
        Assert.Equal(Day(110), reached.ConditionsMetSince);
    }

    [Fact]
    public void RESP_CCR_4_given_the_cCR_already_confirmed_then_refused()
    {
        var state = ConditionsHeldSinceDay62();
        Study(ref state, FollowUp(PeriodOver, Liver("L1", 18m, 0m)));
        Assert.NotNull(state.Ccr);

        var decision = MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now);

        Assert.Equal("RESP-CCR", decision.Rejection?.RuleId);
        Assert.Empty(decision.Events);
    }

    [Fact]
    public void RESP_CCR_4_given_the_period_already_recorded_then_a_second_is_refused_and_the_event_id_is_the_same_for_the_same_start()
    {
        var state = ConditionsHeldSinceDay62();
        state = state.After(MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now));

        var again = MarkCcrStabilityReached.Decide(state, PeriodOver.AddDays(1), Rules, Now);

        Assert.Equal("RESP-CCR", again.Rejection?.RuleId);
        Assert.Empty(again.Events);
        Assert.Equal(MarkCcrStabilityReached.EventId(state.Id, ConditionsMet, 3), MarkCcrStabilityReached.EventId(state.Id, ConditionsMet, 3));
        Assert.NotEqual(MarkCcrStabilityReached.EventId(state.Id, ConditionsMet, 3), MarkCcrStabilityReached.EventId(state.Id, Day(110), 3));
    }

    [Fact]
    public void RESP_CCR_4_given_the_patient_left_the_pathway_then_refused()
    {
        var state = ConditionsHeldSinceDay62().Apply(IntakeFacts.Exited(Guid.Empty, Day(70)));

        Assert.Equal("PATHWAY-EXITED", MarkCcrStabilityReached.Decide(state, PeriodOver, Rules, Now).Rejection?.RuleId);
    }
}
