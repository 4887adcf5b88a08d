using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.EventStore;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>
/// What Scheduling needs to decide, rebuilt from the pathway stream: the plan's items with their due dates and
/// actuals, the lenvatinib course, the holds, and the washout and adjuvant plans, and whether the patient has left the
/// pathway (Intake's <see cref="PathwayExited"/>, read from the shared stream). Other events of other owners are ignored.
/// Its Apply methods are its one fold: Marten rebuilds it with them, and deciders and the calendar read model fold
/// through them too (<see cref="AggregateFold{TState}"/>).
/// </summary>
public sealed record TherapyPlan : IExitablePathway
{
    public Guid Id { get; init; }

    public bool IsPlanned { get; init; }

    public Guid? EnrolmentEventId { get; init; }

    public DateOnly StartOn { get; init; }

    /// <summary>The enrolment date: no actual of the regimen can precede it.</summary>
    public DateOnly EnrolledOn { get; init; }

    public decimal WeightKg { get; init; }

    public decimal PlannedLenvatinibDoseMg { get; init; }

    /// <summary>The lenvatinib daily dose now (after reductions).</summary>
    public decimal LenvatinibDoseMg { get; init; }

    public DateOnly? LenvatinibStartedOn { get; init; }

    public DateOnly? LenvatinibLastDoseOn { get; init; }

    public string RuleSetVersion { get; init; } = "";

    public IReadOnlyList<PlanItem> Items { get; init; } = [];

    public IReadOnlyList<HoldState> Holds { get; init; } = [];

    public IReadOnlyList<Guid> WashoutDecisionIds { get; init; } = [];

    public AdjuvantTherapyPlanned? Adjuvant { get; init; }

    /// <summary>The resection SurgeryPlanning booked (its events, folded from the stream); the resection item follows it.</summary>
    public Surgery.ResectionBooking? Resection { get; init; }

    /// <summary>SCHED-IMG: the follow-up studies that already fulfilled an imaging item, so a redelivered one is not counted twice.</summary>
    public IReadOnlyList<Guid> ImagedStudyIds { get; init; } = [];

    /// <summary>SCHED-MDT: the MDT decisions that already fulfilled a review, so a redelivered one is not counted twice.</summary>
    public IReadOnlyList<Guid> ReviewedDecisionIds { get; init; } = [];

    /// <summary>Intake's exit, when the patient has left the pathway (PATH-EXIT); nothing more is planned or recorded.</summary>
    public PathwayExited? Exit { get; init; }

    public bool HasExited => Exit is not null;

    /// <summary>
    /// The MDT decision that ended conversion therapy without surgery (second line or watch-and-wait), read from the
    /// shared stream like the exit (SCHED-CYCLES).
    /// </summary>
    public MdtDecisionRecorded? ConversionEndedBy { get; init; }

    /// <summary>
    /// SCHED-CYCLES: conversion camrelizumab goes on until a decision stops it, and with it response imaging (SCHED-IMG):
    /// a washout for surgery, the adjuvant plan, an MDT decision for second line or watch-and-wait, or an exit.
    /// </summary>
    public bool ConversionCyclesContinue =>
        IsPlanned && !HasExited && WashoutDecisionIds.Count == 0 && Adjuvant is null && ConversionEndedBy is null;

    /// <summary>
    /// The weight of Intake's baseline in effect, read from the shared stream (recorded, corrected or entered in error),
    /// and the correction it comes from; SCHED-LEN re-doses from it (<c>Redosing/</c>). Null before any baseline.
    /// </summary>
    public decimal? BaselineWeightKg { get; init; }

    public Guid? BaselineWeightCorrectionId { get; init; }

    public bool LenvatinibRunning => LenvatinibStartedOn is not null && LenvatinibLastDoseOn is null;

    public PlanItem? Find(string itemId) => Items.FirstOrDefault(i => i.ItemId == itemId);

    /// <summary>The next outstanding item of a type, in plan order (conversion before adjuvant).</summary>
    public PlanItem? NextOutstanding(string itemType) => Items.FirstOrDefault(i => i.ItemType == itemType && i.IsOutstanding);

    public IReadOnlyList<HoldState> OpenHolds(string drug) => Holds.Where(h => h.Drug == drug && h.IsOpen).ToArray();

    public bool IsHeld(string drug) => Holds.Any(h => h.Drug == drug && h.IsOpen);

    /// <summary>The start of the earliest open hold on <paramref name="drug"/>, or null when it is not held.</summary>
    public DateOnly? HeldFrom(string drug) => Holds.Where(h => h.Drug == drug && h.IsOpen).Select(h => (DateOnly?)h.HeldFrom).Min();

    public TherapyPlan Apply(RegimenPlanned e) => this with
    {
        Id = e.PathwayId,
        IsPlanned = true,
        EnrolmentEventId = e.EnrolmentEventId,
        EnrolledOn = e.EnrolledOn,
        StartOn = e.StartOn,
        WeightKg = e.WeightKg,
        PlannedLenvatinibDoseMg = e.LenvatinibDailyDoseMg,
        LenvatinibDoseMg = e.LenvatinibDailyDoseMg,
        RuleSetVersion = e.RuleSetVersion,
    };

    public TherapyPlan Apply(TherapyItemPlanned e) => this with
    {
        Id = e.PathwayId,
        Items = [.. Items, new PlanItem(e.ItemId, e.ItemType, e.Drug, e.Phase, e.Sequence, e.DueOn, e.DoseMg, e.Route,
            e.FollowsItemId, e.DaysAfter, e.RuleId, BaseOn: e.DueOn)],
    };

    // A coordinator's reschedule fixes the item to the chosen date: it stops following the item before it (SCHED-SKIP).
    public TherapyPlan Apply(TherapyItemRescheduled e) => e.Cause == RescheduleCauses.Rescheduled
        ? Update(e.ItemId, i => i with
        {
            DueOn = e.DueOn, BaseOn = e.DueOn, FollowsItemId = null, DaysAfter = null, PinnedOn = null, MissedReason = null, Revision = i.Revision + 1,
            OverdueOn = null,
        })
        : Update(e.ItemId, i => i with { DueOn = e.DueOn, Revision = i.Revision + 1, OverdueOn = null });

    // SCHED-DUE: the item passed its due window; recorded for this revision only (a reschedule opens a new window).
    public TherapyPlan Apply(TherapyItemOverdue e) => Update(e.ItemId, i => i with { OverdueOn = e.OverdueOn });

    // SCHED-DUE: a surveillance item reached its due date in this revision (a reschedule, a new revision, falls due again).
    public TherapyPlan Apply(SurveillanceFellDue e) => Update(e.ItemId, i => i with { FellDueInRevision = e.Revision });

    public TherapyPlan Apply(TherapyItemSkipped e) =>
        Update(e.ItemId, i => i with { State = ItemState.Skipped, SkippedReason = e.Reason, Revision = i.Revision + 1 });

    // SCHED-CAM: the first camrelizumab dose not yet given follows the latest TACE session.
    public TherapyPlan Apply(TaceSessionOrdered e) => e.CamrelizumabItemId is { } camrelizumab
        ? Update(camrelizumab, i => i with { FollowsItemId = e.ItemId })
        : this;

    public TherapyPlan Apply(PathwayExited e) => this with { Id = e.PathwayId, Exit = e };

    /// <summary>Only second line and watch-and-wait end conversion; a decision to resect arrives as the washout plan.</summary>
    public TherapyPlan Apply(MdtDecisionRecorded e) =>
        e.Outcome is MdtOutcomes.SecondLine or MdtOutcomes.WatchAndWait ? this with { Id = e.PathwayId, ConversionEndedBy = e } : this;

    public TherapyPlan Apply(TherapyItemCancelled e) =>
        Update(e.ItemId, i => i with { State = ItemState.Cancelled, CancelledReason = e.Reason, Revision = i.Revision + 1 });

    // The start is the base of LEN-1, from which the conversion items cascade.
    public TherapyPlan Apply(RegimenStartChanged e) =>
        (this with { StartOn = e.StartOn }).Update(PlanIds.LenvatinibStart, i => i with { BaseOn = e.StartOn });

    public TherapyPlan Apply(LenvatinibStarted e) =>
        (this with { LenvatinibStartedOn = e.StartedOn, LenvatinibLastDoseOn = null, LenvatinibDoseMg = e.DailyDoseMg })
        .Update(e.ItemId, i => Done(i, e.StartedOn, e.DailyDoseMg));

    // A stop planned for surgery (SURG-WASH) is done when lenvatinib actually stops.
    public TherapyPlan Apply(LenvatinibStopped e)
    {
        var state = this with { LenvatinibLastDoseOn = e.LastDoseOn };
        return e.StopItemId is { } stop ? state.Update(stop, i => Done(i, e.LastDoseOn, null)) : state;
    }

    public TherapyPlan Apply(LenvatinibDoseChanged e) => this with { LenvatinibDoseMg = e.DailyDoseMg };

    public TherapyPlan Apply(TacePerformed e) => Update(e.ItemId, i => Done(i, e.PerformedOn, null)).CloseLabs(e.ItemId, e.PerformedOn);

    public TherapyPlan Apply(CamrelizumabAdministered e) => Update(e.ItemId, i => Done(i, e.AdministeredOn, e.DoseMg)).CloseLabs(e.ItemId, e.AdministeredOn);

    public TherapyPlan Apply(ResponseImagingPerformed e) =>
        (this with { ImagedStudyIds = [.. ImagedStudyIds, e.StudyId] }).Update(e.ItemId, i => Done(i, e.PerformedOn, null));

    public TherapyPlan Apply(MdtReviewHeld e) =>
        (this with { ReviewedDecisionIds = [.. ReviewedDecisionIds, e.MdtDecisionId] }).Update(e.ItemId, i => Done(i, e.HeldOn, null));

    public TherapyPlan Apply(TherapyItemMissed e) => Update(e.ItemId, i => i with { MissedReason = e.Reason });

    // A delay pins the item: the cascade may push it later, never back before the coordinator's date.
    public TherapyPlan Apply(TherapyItemDelayed e) => Update(e.ItemId, i => i with { PinnedOn = e.DueOn, MissedReason = null });

    public TherapyPlan Apply(TreatmentHeld e) => Holds.Any(h => h.HoldId == e.HoldId)
        ? this
        : this with { Id = e.PathwayId, Holds = [.. Holds, new HoldState(e.HoldId, e.Drug, e.AdverseEventId, e.CtcaeTerm, e.Grade, e.HeldFrom)] };

    public TherapyPlan Apply(TreatmentResumable e) =>
        this with { Holds = Holds.Select(h => h.HoldId == e.HoldId ? h with { ResumableFrom = e.ResumableFrom } : h).ToArray() };

    public TherapyPlan Apply(TreatmentResumed e) =>
        this with { Holds = Holds.Select(h => e.HoldIds.Contains(h.HoldId) ? h with { ResumedOn = e.ResumedOn } : h).ToArray() };

    public TherapyPlan Apply(WashoutPlanned e) => this with { Id = e.PathwayId, WashoutDecisionIds = [.. WashoutDecisionIds, e.MdtDecisionId] };

    public TherapyPlan Apply(AdjuvantTherapyPlanned e) => this with { Id = e.PathwayId, Adjuvant = e };

    // SCHED-HOLD: a hold whose adverse event was corrected away or entered in error is void, so it is dropped, not resumed.
    public TherapyPlan Apply(TreatmentHoldReleased e) => this with { Holds = Holds.Where(h => h.HoldId != e.HoldId).ToArray() };

    public TherapyPlan Apply(BaselineAssessed e) => this with { BaselineWeightKg = e.Measurements.WeightKg, BaselineWeightCorrectionId = null };

    public TherapyPlan Apply(BaselineCorrected e) =>
        e.IsLatest ? this with { BaselineWeightKg = e.Corrected.Measurements.WeightKg, BaselineWeightCorrectionId = e.CorrectionId } : this;

    public TherapyPlan Apply(BaselineEnteredInError e) =>
        this with { BaselineWeightKg = e.InEffect?.Measurements.WeightKg, BaselineWeightCorrectionId = e.CorrectionId };

    // SCHED-LEN: the outstanding item's dose, and the dose planned for the corrected weight (the re-escalation ceiling).
    public TherapyPlan Apply(TherapyItemRedosed e) =>
        (this with
        {
            WeightKg = e.WeightKg,
            PlannedLenvatinibDoseMg = e.DoseMg,
            LenvatinibDoseMg = LenvatinibRunning ? LenvatinibDoseMg : e.DoseMg,
        }).Update(e.ItemId, i => i with { DoseMg = e.DoseMg });

    public TherapyPlan Apply(ResectionScheduled e) => this with { Id = e.PathwayId, Resection = Surgery.ResectionBooking.From(e) };

    public TherapyPlan Apply(ResectionRescheduled e) => this with { Resection = Resection?.Apply(e) };

    public TherapyPlan Apply(ResectionCancelled e) => this with { Resection = Resection?.Apply(e) };

    // SCHED-LAB: a dose is only given once its labs were seen, so the dose closes its labs item, dated with the dose
    // (Scheduling does not record the draw itself).
    private TherapyPlan CloseLabs(string doseItemId, DateOnly on) =>
        Update(PlanIds.PreDoseLabsPrefix + doseItemId, i => i.IsOutstanding ? Done(i, on, null) : i);

    private static PlanItem Done(PlanItem item, DateOnly on, decimal? dose) =>
        item with { State = ItemState.Done, ActualOn = on, ActualDoseMg = dose, MissedReason = null };

    private TherapyPlan Update(string itemId, Func<PlanItem, PlanItem> change) =>
        this with { Items = Items.Select(i => i.ItemId == itemId ? change(i) : i).ToArray() };
}

/// <summary>Item ids of the LEN-TAP plan (the clinical library's ids) and of the washout and adjuvant items.</summary>
public static class PlanIds
{
    public const string LenvatinibStart = Clinical.Regimen.LenTapScheduler.LenvatinibStartId;
    public const string CamrelizumabPrefix = Clinical.Regimen.LenTapScheduler.CamrelizumabIdPrefix;
    public const string LenvatinibStopPrefix = "LEN-STOP-";
    public const string AdjuvantLenvatinib = "ADJ-LEN-1";
    public const string AdjuvantCamrelizumabPrefix = "ADJ-CAM-";
    public const string ResponseImagingPrefix = "IMG-";

    /// <summary>SCHED-LAB: <c>LAB-CAM-3</c> are the labs drawn before <c>CAM-3</c>.</summary>
    public const string PreDoseLabsPrefix = "LAB-";
    public const string MdtReviewPrefix = "MDT-";
    public const string FollowUpImagingPrefix = "FU-";

    /// <summary>SCHED-SURV during watch-and-wait after a cCR.</summary>
    public const string WatchAndWaitSurveillancePrefix = "SURV-WW-";

    /// <summary>SCHED-SURV for recurrence after the resection.</summary>
    public const string RecurrenceSurveillancePrefix = "SURV-R-";
    public const string AdjuvantEnd = "ADJ-END";

    /// <summary>The <c>Drug</c> of an item that gives none (response imaging).</summary>
    public const string NoDrug = "";

    public static string DrugOf(Clinical.Regimen.RegimenComponent component) => component switch
    {
        Clinical.Regimen.RegimenComponent.Lenvatinib => Drugs.Lenvatinib,
        Clinical.Regimen.RegimenComponent.Tace => Drugs.Tace,
        _ => Drugs.Camrelizumab,
    };

    public static Clinical.Regimen.RegimenComponent? ComponentOf(string drug) => drug switch
    {
        Drugs.Lenvatinib => Clinical.Regimen.RegimenComponent.Lenvatinib,
        Drugs.Tace => Clinical.Regimen.RegimenComponent.Tace,
        Drugs.Camrelizumab => Clinical.Regimen.RegimenComponent.Camrelizumab,
        _ => null,
    };
}
