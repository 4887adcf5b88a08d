using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.AdverseEvents;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;

namespace HccPathway.Assessment.Tests.Deciders;

/// <summary>RESP-AE: an adverse event's report corrected or entered in error, as new events with a reason.</summary>
public sealed class AdverseEventCorrectionSpecs
{
    private static readonly Guid CorrectionId = Guid.NewGuid();

    private static readonly CorrectAdverseEvent.Correction Grade2Diarrhoea =
        new("Diarrhoea", 2, Day(21), true, [Drugs.Lenvatinib], "Wrong term picked from the list");

    private static (AssessmentPathway State, Guid Id) Hypertension()
    {
        var id = Guid.NewGuid();
        var state = Enrolled();
        return (state.After(ReportAdverseEvent.Decide(state, new(null, "Hypertension", 3, Day(20), true, [Drugs.Lenvatinib]), id, Today, Now)), id);
    }

    [Fact]
    public void RESP_AE_given_a_grade_3_event_never_graded_again_when_its_report_is_corrected_to_grade_2_then_its_current_and_worst_grade_are_2()
    {
        var (state, id) = Hypertension();

        var decision = CorrectAdverseEvent.Correct(state, id, Grade2Diarrhoea, CorrectionId, "dr-onc", Today, Now);

        var corrected = Assert.IsType<AdverseEventCorrected>(Assert.Single(Accepted(decision)));
        Assert.Equal(("Diarrhoea", 2, 2, CorrectionId, "dr-onc"), (corrected.CtcaeTerm, corrected.Grade, corrected.CurrentGrade, corrected.CorrectionId, corrected.CorrectedBy));
        var ae = state.After(decision).AdverseEvents[id];
        Assert.Equal((2, 2, Day(21)), (ae.Grade, ae.MaxGrade, ae.OnsetOn));
    }

    [Fact]
    public void RESP_AE_given_an_event_graded_again_when_its_report_is_corrected_then_the_later_grade_stands_and_the_onset_may_not_pass_it()
    {
        var (state, id) = Hypertension();
        state = state.After(GradeAdverseEvent.ChangeGrade(state, id, new(4, Day(25)), Rules, Today, Now));

        var corrected = Assert.IsType<AdverseEventCorrected>(Assert.Single(Accepted(CorrectAdverseEvent.Correct(state, id, Grade2Diarrhoea, CorrectionId, "dr-onc", Today, Now))));
        var tooLate = CorrectAdverseEvent.Correct(state, id, Grade2Diarrhoea with { OnsetOn = Day(26) }, CorrectionId, "dr-onc", Today, Now).Rejection;

        Assert.Equal((2, 4), (corrected.Grade, corrected.CurrentGrade));
        Assert.Equal(["onsetOn"], tooLate?.Errors?.Keys);
    }

    [Fact]
    public void RESP_AE_given_an_event_entered_in_error_then_it_no_longer_counts_and_cannot_be_graded_corrected_marked_or_reported_again()
    {
        var (state, id) = Hypertension();

        var decision = CorrectAdverseEvent.MarkEnteredInError(state, id, new("Reported on the wrong patient"), CorrectionId, "dr-onc", Now);

        var marked = Assert.IsType<AdverseEventEnteredInError>(Assert.Single(Accepted(decision)));
        Assert.Equal((id, "Reported on the wrong patient", "dr-onc"), (marked.AdverseEventId, marked.Reason, marked.MarkedBy));
        var after = state.After(decision);
        Assert.Empty(after.AdverseEvents);
        Assert.Equal(RejectionKind.Conflict, CorrectAdverseEvent.Correct(after, id, Grade2Diarrhoea, CorrectionId, "dr-onc", Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, CorrectAdverseEvent.MarkEnteredInError(after, id, new("Again"), CorrectionId, "dr-onc", Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, GradeAdverseEvent.ChangeGrade(after, id, new(2, Day(30)), Rules, Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.Conflict, ReportAdverseEvent.Decide(after, new(null, "Hypertension", 3, Day(20), true, [Drugs.Lenvatinib]), id, Today, Now).Rejection?.Kind);
    }

    [Fact]
    public void RESP_AE_given_an_unknown_event_or_no_reason_or_a_bad_grade_then_404_or_400()
    {
        var (state, id) = Hypertension();

        Assert.Equal(RejectionKind.NotFound, CorrectAdverseEvent.Correct(state, Guid.NewGuid(), Grade2Diarrhoea, CorrectionId, "dr-onc", Today, Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, CorrectAdverseEvent.MarkEnteredInError(state, Guid.NewGuid(), new("x"), CorrectionId, "dr-onc", Now).Rejection?.Kind);
        Assert.Equal(["grade", "reason"], CorrectAdverseEvent.Correct(state, id, Grade2Diarrhoea with { Grade = 6, Reason = null }, CorrectionId, "dr-onc", Today, Now).Rejection?.Errors?.Keys.Order());
        Assert.Equal(["reason"], CorrectAdverseEvent.MarkEnteredInError(state, id, new(" "), CorrectionId, "dr-onc", Now).Rejection?.Errors?.Keys);
    }
}
