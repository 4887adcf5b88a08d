namespace HccPathway.Contracts.Assessment;

public static class AssessmentEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(AdverseEventReported), "assessment.adverse-event-reported.v1", Owners.Assessment),
        new(typeof(AdverseEventGradeChanged), "assessment.adverse-event-grade-changed.v1", Owners.Assessment),
        new(typeof(AdverseEventResolved), "assessment.adverse-event-resolved.v1", Owners.Assessment),
        new(typeof(ResponseAssessmentStarted), "assessment.response-assessment-started.v1", Owners.Assessment),
        new(typeof(ImagingStudyRecorded), "assessment.imaging-study-recorded.v1", Owners.Assessment),
        new(typeof(ResponseAssessed), "assessment.response-assessed.v1", Owners.Assessment),
        new(typeof(TumourMarkersRecorded), "assessment.tumour-markers-recorded.v1", Owners.Assessment),
        new(typeof(ClinicalCompleteResponseConfirmed), "assessment.clinical-complete-response-confirmed.v1", Owners.Assessment),
        new(typeof(ClinicalCompleteResponseLost), "assessment.clinical-complete-response-lost.v1", Owners.Assessment),
        new(typeof(CcrStabilityPeriodReached), "assessment.ccr-stability-period-reached.v1", Owners.Assessment),
        new(typeof(ProgressionDetected), "assessment.progression-detected.v1", Owners.Assessment),
        new(typeof(LiverFunctionAssessed), "assessment.liver-function-assessed.v1", Owners.Assessment),
        new(typeof(ImagingStudyCorrected), "assessment.imaging-study-corrected.v1", Owners.Assessment),
        new(typeof(ImagingStudyEnteredInError), "assessment.imaging-study-entered-in-error.v1", Owners.Assessment),
        new(typeof(ResponseWithdrawn), "assessment.response-withdrawn.v1", Owners.Assessment),
        new(typeof(ProgressionWithdrawn), "assessment.progression-withdrawn.v1", Owners.Assessment),
        new(typeof(AdverseEventCorrected), "assessment.adverse-event-corrected.v1", Owners.Assessment),
        new(typeof(AdverseEventEnteredInError), "assessment.adverse-event-entered-in-error.v1", Owners.Assessment),
        new(typeof(TumourMarkersCorrected), "assessment.tumour-markers-corrected.v1", Owners.Assessment),
        new(typeof(TumourMarkersEnteredInError), "assessment.tumour-markers-entered-in-error.v1", Owners.Assessment),
        new(typeof(LiverFunctionCorrected), "assessment.liver-function-corrected.v1", Owners.Assessment),
        new(typeof(LiverFunctionEnteredInError), "assessment.liver-function-entered-in-error.v1", Owners.Assessment),
    ];
}
