using HccPathway.Assessment.Pathways;
using HccPathway.Assessment.Pathways.AdverseEvents;
using HccPathway.Contracts;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using static HccPathway.Assessment.Tests.Deciders.Given;

namespace HccPathway.Assessment.Tests.Deciders;

public sealed class AdverseEventSpecs
{
    private static readonly ReportAdverseEvent.Request Hypertension =
        new(null, "Hypertension", 3, Day(20), true, [Drugs.Lenvatinib]);

    private static (AssessmentPathway State, Guid Id) Reported(ReportAdverseEvent.Request? request = null)
    {
        var id = Guid.NewGuid();
        var state = Enrolled();
        return (state.After(ReportAdverseEvent.Decide(state, request ?? Hypertension, id, Today, Now)), id);
    }

    [Fact]
    public void RESP_AE_given_an_enrolled_pathway_when_a_grade_3_treatment_related_event_is_reported_then_it_names_the_suspected_drug()
    {
        var state = Enrolled();

        var events = Accepted(ReportAdverseEvent.Decide(state, Hypertension, Guid.NewGuid(), Today, Now));

        var reported = events.OfType<AdverseEventReported>().Single();
        Assert.Equal((3, true), (reported.Grade, reported.TreatmentRelated));
        Assert.Equal([Drugs.Lenvatinib], reported.SuspectedDrugs);
        Assert.Single(events.OfType<ResponseAssessmentStarted>());
    }

    [Theory]
    [InlineData(0, "grade")]
    [InlineData(6, "grade")]
    public void RESP_AE_given_a_grade_outside_1_to_5_then_invalid(int grade, string field)
    {
        var rejection = ReportAdverseEvent.Decide(Enrolled(), Hypertension with { Grade = grade }, Guid.NewGuid(), Today, Now).Rejection!;

        Assert.Equal([field], rejection.Errors!.Keys);
    }

    [Fact]
    public void Given_a_treatment_related_event_without_a_known_drug_then_invalid_on_suspectedDrugs()
    {
        var none = ReportAdverseEvent.Decide(Enrolled(), Hypertension with { SuspectedDrugs = [] }, Guid.NewGuid(), Today, Now).Rejection!;
        var unknown = ReportAdverseEvent.Decide(Enrolled(), Hypertension with { SuspectedDrugs = ["sorafenib"] }, Guid.NewGuid(), Today, Now).Rejection!;

        Assert.Equal(["suspectedDrugs"], none.Errors!.Keys);
        Assert.Equal(["suspectedDrugs"], unknown.Errors!.Keys);
    }

    [Fact]
    public void RESP_AE_given_grade_3_when_it_falls_to_2_then_a_grade_change_and_the_worst_grade_is_kept()
    {
        var (state, id) = Reported();

        var changed = Assert.IsType<AdverseEventGradeChanged>(Assert.Single(Accepted(
            GradeAdverseEvent.ChangeGrade(state, id, new(2, Day(30)), Rules, Today, Now))));

        Assert.Equal((3, 2), (changed.PreviousGrade, changed.Grade));
        Assert.Equal(3, state.After(GradeAdverseEvent.ChangeGrade(state, id, new(2, Day(30)), Rules, Today, Now)).AdverseEvents[id].MaxGrade);
    }

    [Fact]
    public void RESP_AE_given_grade_3_when_grade_1_is_recorded_as_a_change_then_invalid_because_that_is_a_resolution()
    {
        var (state, id) = Reported();

        Assert.Equal(["grade"], GradeAdverseEvent.ChangeGrade(state, id, new(1, Day(30)), Rules, Today, Now).Rejection!.Errors!.Keys);
    }

    [Fact]
    public void RESP_AE_given_an_open_event_when_resolved_at_grade_1_then_resolved_and_further_grading_conflicts()
    {
        var (state, id) = Reported();

        var resolved = Assert.IsType<AdverseEventResolved>(Assert.Single(Accepted(GradeAdverseEvent.Resolve(state, id, new(1, Day(40)), Rules, Today, Now))));
        state = state.After(GradeAdverseEvent.Resolve(state, id, new(1, Day(40)), Rules, Today, Now));

        Assert.Equal(1, resolved.ResidualGrade);
        Assert.Equal(RejectionKind.Conflict, GradeAdverseEvent.ChangeGrade(state, id, new(3, Day(50)), Rules, Today, Now).Rejection!.Kind);
    }

    [Fact]
    public void RESP_AE_given_an_open_event_when_resolved_with_residual_grade_2_or_before_its_last_grading_then_invalid()
    {
        var (state, id) = Reported();

        var rejection = GradeAdverseEvent.Resolve(state, id, new(2, Day(10)), Rules, Today, Now).Rejection!;

        Assert.Equal(["residualGrade", "resolvedOn"], rejection.Errors!.Keys.Order());
    }

    [Fact]
    public void Given_an_unknown_adverse_event_when_graded_then_not_found()
    {
        Assert.Equal(RejectionKind.NotFound, GradeAdverseEvent.ChangeGrade(Enrolled(), Guid.NewGuid(), new(2, Day(30)), Rules, Today, Now).Rejection!.Kind);
    }
}
