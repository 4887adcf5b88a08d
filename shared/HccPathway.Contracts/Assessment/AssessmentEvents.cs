namespace HccPathway.Contracts.Assessment;

public static class AssessmentEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(AdverseEventReported), "assessment.adverse-event-reported.v1", Owners.Assessment),
        new(typeof(AdverseEventGradeChanged), "assessment.adverse-event-grade-changed.v1", Owners.Assessment),
        new(typeof(AdverseEventResolved), "assessment.adverse-event-resolved.v1", Owners.Assessment),
    ];
}
