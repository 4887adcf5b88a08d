namespace HccPathway.Contracts.SurgeryPlanning;

public static class SurgeryPlanningEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(MdtDecisionRecorded), "surgery-planning.mdt-decision-recorded.v1", Owners.SurgeryPlanning),
        new(typeof(AdjuvantTherapyDecided), "surgery-planning.adjuvant-therapy-decided.v1", Owners.SurgeryPlanning),
        new(typeof(SurgicalReadinessEvaluated), "surgery-planning.surgical-readiness-evaluated.v1", Owners.SurgeryPlanning),
        new(typeof(SurgicalFeasibilityAssessed), "surgery-planning.surgical-feasibility-assessed.v1", Owners.SurgeryPlanning),
        new(typeof(MdtSuggestionsOffered), "surgery-planning.mdt-suggestions-offered.v1", Owners.SurgeryPlanning),
        new(typeof(ResectionScheduled), "surgery-planning.resection-scheduled.v1", Owners.SurgeryPlanning),
        new(typeof(ResectionRescheduled), "surgery-planning.resection-rescheduled.v1", Owners.SurgeryPlanning),
        new(typeof(ResectionCancelled), "surgery-planning.resection-cancelled.v1", Owners.SurgeryPlanning),
        new(typeof(ResectionPerformed), "surgery-planning.resection-performed.v1", Owners.SurgeryPlanning),
        new(typeof(RecurrenceRiskEvaluated), "surgery-planning.recurrence-risk-evaluated.v1", Owners.SurgeryPlanning),
        new(typeof(ReadinessEvidenceWentStale), "surgery-planning.readiness-evidence-went-stale.v1", Owners.SurgeryPlanning),
    ];
}
