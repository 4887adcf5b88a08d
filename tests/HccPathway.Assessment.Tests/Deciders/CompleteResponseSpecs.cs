using HccPathway.Assessment.Pathways;
using HccPathway.Contracts.Assessment;
using static HccPathway.Assessment.Tests.Deciders.Given;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>
/// RESP-CCR from history. Baseline AFP is 400 ng/mL (positive), DCP 30 mAU/mL (normal). The liver target stops
/// enhancing on day 60, AFP is normal the same day, and a PET-CT on day 62 is clear: the conditions hold from day 62.
/// </summary>
public sealed class CompleteResponseSpecs
{
    private static readonly DateOnly ConditionsMet = Day(62);

    private static AssessmentPathway ResponseWithNormalAfp(bool withPetCt = true, decimal afp = 10m)
    {
        var state = Enrolled();
        Study(ref state, Baseline(Day(2), Liver("L1", 50m, 40m)));
        Study(ref state, FollowUp(Day(60), Liver("L1", 20m, 0m)));
        Markers(ref state, Day(60), afp);
        if (withPetCt)
        {
            Study(ref state, FollowUp(ConditionsMet) with { Modality = ImagingModalities.PetCt, TargetLesions = [] });
        }

        return state;
    }

    [Fact]
    public void RESP_CCR_given_all_criteria_since_day_62_when_a_CR_study_comes_exactly_3_months_later_then_cCR_is_confirmed_with_its_evidence()
    {
        var state = ResponseWithNormalAfp();

        var events = Study(ref state, FollowUp(ConditionsMet.AddMonths(3), Liver("L1", 18m, 0m)));

        var confirmed = events.OfType<ClinicalCompleteResponseConfirmed>().Single();
        Assert.Equal(ConditionsMet, confirmed.ConditionsMetSince);
        Assert.Equal(ConditionsMet.AddMonths(3), confirmed.ConfirmedOn);
        Assert.Equal(3, confirmed.StabilityMonths);
        Assert.All(confirmed.Criteria, c => Assert.Equal("pass", c.Outcome));
        Assert.NotNull(confirmed.Evidence.PetCtStudyId);
        Assert.NotNull(confirmed.Evidence.CtStudyId);
        Assert.Equal(2, confirmed.Evidence.CompleteResponseStudyIds.Count);
        Assert.Equal(10m, Assert.Single(confirmed.Evidence.Markers).Value);
    }

    [Fact]
    public void RESP_CCR_given_all_criteria_since_day_62_when_a_CR_study_comes_a_day_short_of_3_months_then_no_cCR_yet()
    {
        var state = ResponseWithNormalAfp();

        var events = Study(ref state, FollowUp(ConditionsMet.AddMonths(3).AddDays(-1), Liver("L1", 18m, 0m)));

        Assert.Empty(events.OfType<ClinicalCompleteResponseConfirmed>());
    }

    [Fact]
    public void RESP_CCR_given_no_PET_CT_when_CR_lasts_3_months_then_no_cCR()
    {
        var state = ResponseWithNormalAfp(withPetCt: false);

        var events = Study(ref state, FollowUp(Day(180), Liver("L1", 18m, 0m)));

        Assert.Equal("CR", Response(events).Mrecist.Category);
        Assert.Empty(events.OfType<ClinicalCompleteResponseConfirmed>());
    }

    [Fact]
    public void RESP_CCR_given_AFP_still_above_normal_when_CR_lasts_3_months_then_no_cCR()
    {
        var state = ResponseWithNormalAfp(afp: 50m);

        Assert.Empty(Study(ref state, FollowUp(Day(180), Liver("L1", 18m, 0m))).OfType<ClinicalCompleteResponseConfirmed>());
    }

    [Fact]
    public void RESP_CCR_given_an_abnormal_AFP_when_a_normal_AFP_completes_the_criteria_then_the_marker_confirms_the_cCR()
    {
        var state = ResponseWithNormalAfp(afp: 50m);
        Study(ref state, FollowUp(Day(180), Liver("L1", 18m, 0m)));

        var events = Markers(ref state, Day(80), 8m);

        // AFP normal since day 80 (after the last abnormal on day 60); CR on day 180 is more than 3 months later.
        var confirmed = events.OfType<ClinicalCompleteResponseConfirmed>().Single();
        Assert.Equal(Day(80), confirmed.ConditionsMetSince);
    }

    [Fact]
    public void RESP_CCR_given_a_confirmed_cCR_when_a_new_lesion_appears_then_the_cCR_is_lost_because_of_that_study()
    {
        var state = ResponseWithNormalAfp();
        Study(ref state, FollowUp(ConditionsMet.AddMonths(3), Liver("L1", 18m, 0m)));

        var events = Study(ref state, FollowUp(Day(170), Liver("L1", 18m, 0m)) with { NewLesions = [NewIn(LesionSites.Intrahepatic, "L9")] });

        var lost = events.OfType<ClinicalCompleteResponseLost>().Single();
        Assert.Equal(events.OfType<ImagingStudyRecorded>().Single().StudyId, lost.CauseEventId);
        Assert.Contains(lost.FailedCriteria, c => c.Criterion.StartsWith("(1)", StringComparison.Ordinal));
        Assert.Single(events.OfType<ProgressionDetected>());
        Assert.Null(state.Ccr);
    }

    [Fact]
    public void RESP_CCR_given_a_confirmed_cCR_when_AFP_rises_above_normal_then_the_cCR_is_lost_because_of_that_sample()
    {
        var state = ResponseWithNormalAfp();
        Study(ref state, FollowUp(ConditionsMet.AddMonths(3), Liver("L1", 18m, 0m)));

        var events = Markers(ref state, Day(175), 90m);

        var lost = events.OfType<ClinicalCompleteResponseLost>().Single();
        Assert.Equal(events.OfType<TumourMarkersRecorded>().Single().SampleId, lost.CauseEventId);
        Assert.Contains(lost.FailedCriteria, c => c.Criterion.StartsWith("(2)", StringComparison.Ordinal));
    }
}
