using HccPathway.Audit.Events;
using HccPathway.Audit.Replay;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.SurgeryPlanning;

namespace HccPathway.Audit.Tests.Specs;

public sealed class PathwayFoldSpecs
{
    private readonly Story story = new(Guid.NewGuid());

    private static IReadOnlyList<FoldedEvent> Versioned(IEnumerable<object?> events, string? unknownName = null) =>
        events.Select((e, i) => new FoldedEvent(i + 1, 100 + i, DateTimeOffset.UnixEpoch.AddMinutes(i),
            e is null ? unknownName! : EventCatalog.Find(e.GetType())!.Name, e)).ToList();

    private IEnumerable<object> StepsUpTo(int steps) => story.Steps().Take(steps).SelectMany(s => s.Events);

    [Fact]
    public void Given_the_whole_story_when_folded_then_phase_regimen_response_and_decisions_are_as_recorded()
    {
        var events = Versioned(StepsUpTo(int.MaxValue));

        var state = PathwayFold.Fold(story.PathwayId, events);

        Assert.Equal(PathwayPhases.AdjuvantTherapy, state.Phase);
        Assert.Equal(events.Count, state.Version);
        Assert.Equal(["ELIG-2"], state.Eligibility!.MatchedRules);
        var regimen = state.Regimen!;
        Assert.Equal((1, 1, 12m), (regimen.TaceSessions, regimen.CamrelizumabDoses, regimen.LenvatinibDailyDoseMg!.Value));
        Assert.Empty(regimen.Holds);
        Assert.Equal(("PR", "SD"), (state.LatestResponse!.MrecistCategory, state.LatestResponse.RecistCategory));
        Assert.Equal(MdtOutcomes.Resect, state.LatestMdtDecision!.Outcome);
        Assert.Equal(Story.Day0.AddDays(180), state.Washout!.EarliestSafeSurgeryOn);
        Assert.Equal([Drugs.Lenvatinib, Drugs.Camrelizumab], state.Adjuvant!.Drugs);
        Assert.Empty(state.OpenAdverseEvents);
        Assert.Empty(state.NotFolded);
        Assert.Equal(ReadinessVerdicts.Ready, state.Readiness!.Verdict);
        Assert.All(state.Readiness.Criteria, c => Assert.Equal(CriterionStatuses.Pass, c.Status));
        Assert.Equal((ResectionMargins.R0, true, ReadinessVerdicts.Ready), (state.Resection!.Margin, state.Resection.PathologicalCompleteResponse!.Value, state.Resection.ReadinessVerdictWhenScheduled));
    }

    [Fact]
    public void Given_a_resection_performed_then_the_phase_is_resected_until_adjuvant_therapy_is_decided_SURG_PATH()
    {
        var steps = story.Steps().ToList();
        var state = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(steps.Count - 1)));

        Assert.Equal(PathwayPhases.Resected, state.Phase);
        Assert.Equal(Story.Day0.AddDays(180), state.Resection!.PerformedOn);
    }

    [Fact]
    public void Given_a_resection_rescheduled_then_cancelled_then_booked_again_then_the_replay_follows_each_step()
    {
        var steps = story.Steps().ToList();
        var upToScheduled = StepsUpTo(steps.FindIndex(s => s.Events[0] is ResectionScheduled) + 1).ToList();
        var scheduled = (ResectionScheduled)upToScheduled[^1];
        var moved = new ResectionRescheduled(story.PathwayId, scheduled.ResectionId, scheduled.ScheduledOn, scheduled.ScheduledOn.AddDays(7),
            "Theatre list moved.", ReadinessVerdicts.NearlyReady, ["flr: unknown"], scheduled.Washout, true, "MDT accepted.", "2025.1", "dr-house", scheduled.RecordedAt);
        var cancelled = new ResectionCancelled(story.PathwayId, scheduled.ResectionId, moved.ScheduledOn, "Patient declined surgery.", "dr-house", scheduled.RecordedAt);
        var again = scheduled with { ResectionId = Guid.NewGuid(), ScheduledOn = moved.ScheduledOn.AddDays(14) };

        var afterMove = PathwayFold.Fold(story.PathwayId, Versioned([.. upToScheduled, moved]));
        var afterCancel = PathwayFold.Fold(story.PathwayId, Versioned([.. upToScheduled, moved, cancelled]));
        var afterAgain = PathwayFold.Fold(story.PathwayId, Versioned([.. upToScheduled, moved, cancelled, again]));

        Assert.Equal((PathwayPhases.ResectionScheduled, moved.ScheduledOn, ReadinessVerdicts.NearlyReady, true),
            (afterMove.Phase, afterMove.Resection!.ScheduledOn, afterMove.Resection.ReadinessVerdictWhenScheduled, afterMove.Resection.Override));
        Assert.Equal((PathwayPhases.Washout, "Patient declined surgery."), (afterCancel.Phase, afterCancel.Resection!.CancelledBecause));
        Assert.Equal((PathwayPhases.ResectionScheduled, again.ScheduledOn, null), (afterAgain.Phase, afterAgain.Resection!.ScheduledOn, afterAgain.Resection.CancelledBecause));
        Assert.Empty(afterAgain.NotFolded);
    }

    [Fact]
    public void Given_tace_performed_late_then_the_camrelizumab_items_carry_the_cascaded_due_dates_SCHED_CAM()
    {
        var state = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(9)));

        var items = state.Regimen!.Items;
        Assert.Equal((TherapyItemStatuses.Done, Story.Day0.AddDays(17)), (items["TACE-1"].Status, items["TACE-1"].DoneOn!.Value));
        Assert.Equal(Story.Day0.AddDays(31), items["CAM-1"].DueOn);
        Assert.Equal(Story.Day0.AddDays(52), items["CAM-2"].DueOn);
        Assert.Equal(PathwayPhases.ConversionTherapy, state.Phase);
    }

    [Fact]
    public void Given_a_grade_3_AE_then_camrelizumab_is_held_until_resumed_not_merely_resumable_SCHED_HOLD()
    {
        var held = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(12)));
        var resumable = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(13)));
        var resumed = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(14)));

        Assert.Equal([Drugs.Camrelizumab], held.Regimen!.HeldDrugs);
        Assert.Equal(3, Assert.Single(held.OpenAdverseEvents).Grade);
        Assert.Equal([Drugs.Camrelizumab], resumable.Regimen!.HeldDrugs);
        Assert.Equal(Story.Day0.AddDays(50), Assert.Single(resumable.Regimen.Holds).ResumableFrom);
        Assert.Empty(resumable.OpenAdverseEvents);
        Assert.Empty(resumed.Regimen!.HeldDrugs);
    }

    [Fact]
    public void Given_only_the_baseline_study_then_there_is_no_latest_response_yet()
    {
        var state = PathwayFold.Fold(story.PathwayId, Versioned(StepsUpTo(7)));

        Assert.Null(state.LatestResponse);
        Assert.Equal(PathwayPhases.ConversionTherapy, state.Phase);
    }

    [Fact]
    public void Given_a_new_baseline_after_eligibility_then_the_earlier_decision_no_longer_stands()
    {
        var state = PathwayFold.Fold(story.PathwayId, Versioned([story.Registered(), story.Baseline(), story.Eligible(), story.Baseline()]));

        Assert.Null(state.Eligibility);
        Assert.Equal(PathwayPhases.BaselineRecorded, state.Phase);
    }

    [Fact]
    public void Given_progression_in_conversion_then_conversion_failure_until_the_MDT_decides_FAIL_1()
    {
        var progression = new ProgressionDetected(story.PathwayId, Guid.NewGuid(), Story.Day0.AddDays(90),
            ProgressionPatternNames.IntraAndExtrahepaticProgression, "FAIL-1c", new ProgressionSites(true, [], true, ["L9"]),
            "PD", "PD", ["new extrahepatic lesion"], Story.RuleSet, DateTimeOffset.UnixEpoch);
        var secondLine = story.Resect() with { Outcome = MdtOutcomes.SecondLine, IntendedSurgeryOn = null, SuggestedRuleId = "FAIL-1c" };
        var before = StepsUpTo(10).Append(progression).ToList();

        var failed = PathwayFold.Fold(story.PathwayId, Versioned(before));
        var decided = PathwayFold.Fold(story.PathwayId, Versioned(before.Append(secondLine)));

        Assert.Equal(PathwayPhases.ConversionFailure, failed.Phase);
        Assert.Equal("FAIL-1c", failed.LatestProgression!.FailureRuleId);
        Assert.Equal(PathwayPhases.SecondLine, decided.Phase);
    }

    [Fact]
    public void Given_an_event_of_a_type_this_build_does_not_know_then_it_is_listed_and_changes_nothing_else()
    {
        var known = Versioned(StepsUpTo(4));
        var unknown = new FoldedEvent(5, 200, DateTimeOffset.UnixEpoch.AddHours(1), "surgery-planning.future-thing.v1", null);

        var withUnknown = PathwayFold.Fold(story.PathwayId, [.. known, unknown]);
        var without = PathwayFold.Fold(story.PathwayId, known);

        Assert.Equal([new NotFoldedEvent(5, "surgery-planning.future-thing.v1")], withUnknown.NotFolded);
        Assert.Equal(without.Phase, withUnknown.Phase);
        Assert.Equal(5, withUnknown.Version);
    }
}
