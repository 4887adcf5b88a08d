using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Assessment.Pathways.Starting;

/// <summary>
/// Response assessment starts once per pathway, after enrolment: when the <c>PatientEnrolled</c> message arrives, or
/// with the first fact recorded for an enrolled pathway if that comes first. Either way it happens exactly once.
/// </summary>
public static class StartAssessment
{
    /// <summary>The events that open assessment, if not yet open; none when it is already open.</summary>
    public static IReadOnlyList<object> IfNeeded(AssessmentPathway pathway, Enrolment enrolment, DateTimeOffset now) =>
        pathway.Started ? [] : [new ResponseAssessmentStarted(pathway.Id, enrolment.EnrolledOn, enrolment.EventId, MarkersOf(pathway), now)];

    /// <summary>
    /// Every recording use case starts here: refuses a pathway that is not enrolled (409) and otherwise returns the
    /// state with assessment open, and the events that opened it.
    /// </summary>
    public static (AssessmentPathway State, IReadOnlyList<object> Events, Rejection? Refusal) Open(AssessmentPathway pathway, DateTimeOffset now)
    {
        if (pathway.Enrolment is not { } enrolment)
        {
            return (pathway, [], Rejection.Conflict("The patient is not enrolled in conversion therapy; response assessment starts at enrolment."));
        }

        var events = IfNeeded(pathway, enrolment, now);
        return (AggregateFold<AssessmentPathway>.Apply(pathway, events), events, null);
    }

    private static BaselineMarkers? MarkersOf(AssessmentPathway pathway) => pathway.IntakeBaseline is { } baseline
        ? new BaselineMarkers(
            baseline.Data.AssessedOn,
            baseline.Data.Measurements.AfpNanogramsPerMillilitre,
            baseline.Data.Measurements.DcpMilliUnitsPerMillilitre,
            baseline.Id)
        : null;
}
