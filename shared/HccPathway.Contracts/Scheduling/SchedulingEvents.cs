namespace HccPathway.Contracts.Scheduling;

public static class SchedulingEvents
{
    public static IReadOnlyList<EventContract> All { get; } =
    [
        new(typeof(RegimenPlanned), "scheduling.regimen-planned.v1", Owners.Scheduling),
        new(typeof(TherapyItemPlanned), "scheduling.therapy-item-planned.v1", Owners.Scheduling),
        new(typeof(TherapyItemRescheduled), "scheduling.therapy-item-rescheduled.v1", Owners.Scheduling),
        new(typeof(TherapyItemCancelled), "scheduling.therapy-item-cancelled.v1", Owners.Scheduling),
        new(typeof(RegimenStartChanged), "scheduling.regimen-start-changed.v1", Owners.Scheduling),
        new(typeof(LenvatinibStarted), "scheduling.lenvatinib-started.v1", Owners.Scheduling),
        new(typeof(LenvatinibStopped), "scheduling.lenvatinib-stopped.v1", Owners.Scheduling),
        new(typeof(LenvatinibDoseChanged), "scheduling.lenvatinib-dose-changed.v1", Owners.Scheduling),
        new(typeof(TacePerformed), "scheduling.tace-performed.v1", Owners.Scheduling),
        new(typeof(CamrelizumabAdministered), "scheduling.camrelizumab-administered.v1", Owners.Scheduling),
        new(typeof(TherapyItemMissed), "scheduling.therapy-item-missed.v1", Owners.Scheduling),
        new(typeof(TherapyItemDelayed), "scheduling.therapy-item-delayed.v1", Owners.Scheduling),
        new(typeof(TreatmentHeld), "scheduling.treatment-held.v1", Owners.Scheduling),
        new(typeof(TreatmentResumable), "scheduling.treatment-resumable.v1", Owners.Scheduling),
        new(typeof(TreatmentResumed), "scheduling.treatment-resumed.v1", Owners.Scheduling),
        new(typeof(WashoutPlanned), "scheduling.washout-planned.v1", Owners.Scheduling),
        new(typeof(AdjuvantTherapyPlanned), "scheduling.adjuvant-therapy-planned.v1", Owners.Scheduling),
        new(typeof(TherapyItemSkipped), "scheduling.therapy-item-skipped.v1", Owners.Scheduling),
        new(typeof(TaceSessionOrdered), "scheduling.tace-session-ordered.v1", Owners.Scheduling),
        new(typeof(TherapyItemOverdue), "scheduling.therapy-item-overdue.v1", Owners.Scheduling),
        new(typeof(ResponseImagingPerformed), "scheduling.response-imaging-performed.v1", Owners.Scheduling),
        new(typeof(SurveillanceFellDue), "scheduling.surveillance-fell-due.v1", Owners.Scheduling),
        new(typeof(TherapyItemRedosed), "scheduling.therapy-item-redosed.v1", Owners.Scheduling),
        new(typeof(TreatmentHoldReleased), "scheduling.treatment-hold-released.v1", Owners.Scheduling),
        new(typeof(MdtReviewHeld), "scheduling.mdt-review-held.v1", Owners.Scheduling),
    ];
}
