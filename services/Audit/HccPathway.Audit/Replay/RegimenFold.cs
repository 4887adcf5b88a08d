using System.Collections.Immutable;
using HccPathway.Contracts.Scheduling;

namespace HccPathway.Audit.Replay;

/// <summary>The regimen part of the fold: planned items, what was given, and the holds (SCHED-*).</summary>
internal static class RegimenFold
{
    public static RegimenAsOf? Apply(RegimenAsOf? regimen, object data)
    {
        // Scheduling always plans the regimen first; an item before it would be a corrupt stream, so it is passed over.
        if (regimen is null)
        {
            return null;
        }

        return data switch
        {
            TherapyItemPlanned p => Put(regimen, new TherapyItemAsOf(
                p.ItemId, p.ItemType, p.Drug, p.Phase, p.DueOn, TherapyItemStatuses.Planned, null)),
            // A rescheduled item has a new due window: an overdue one is planned again (SCHED-DUE).
            TherapyItemRescheduled r => Update(regimen, r.ItemId, i => i with
            {
                DueOn = r.DueOn,
                Status = i.Status is TherapyItemStatuses.Overdue or TherapyItemStatuses.Due ? TherapyItemStatuses.Planned : i.Status,
            }),
            TherapyItemCancelled c => Update(regimen, c.ItemId, i => i with { Status = TherapyItemStatuses.Cancelled }),
            TherapyItemMissed m => Update(regimen, m.ItemId, i => i with { Status = TherapyItemStatuses.Missed }),
            TherapyItemSkipped k => Update(regimen, k.ItemId, i => i with { Status = TherapyItemStatuses.Skipped }),
            TherapyItemOverdue o => Update(regimen, o.ItemId, i => i with { Status = TherapyItemStatuses.Overdue }),
            // Due only while still planned: a surveillance item done or overdue meanwhile keeps that status.
            SurveillanceFellDue d => Update(regimen, d.ItemId, i => i.Status == TherapyItemStatuses.Planned ? i with { Status = TherapyItemStatuses.Due } : i),
            LenvatinibStarted s => Done(regimen, s.ItemId, s.StartedOn) with
            {
                LenvatinibStartedOn = s.StartedOn,
                LenvatinibDailyDoseMg = s.DailyDoseMg,
                LenvatinibLastDoseOn = null,
            },
            LenvatinibStopped s => (s.StopItemId is { } stop ? Done(regimen, stop, s.LastDoseOn) : regimen) with
            {
                LenvatinibLastDoseOn = s.LastDoseOn,
            },
            LenvatinibDoseChanged d => regimen with { LenvatinibDailyDoseMg = d.DailyDoseMg },
            ResponseImagingPerformed r => Done(regimen, r.ItemId, r.PerformedOn),
            MdtReviewHeld m => Done(regimen, m.ItemId, m.HeldOn),
            TacePerformed t => CloseLabs(Done(regimen, t.ItemId, t.PerformedOn), t.ItemId, t.PerformedOn) with
            {
                TaceSessions = regimen.TaceSessions + 1,
                LastTaceOn = Latest(regimen.LastTaceOn, t.PerformedOn),
            },
            CamrelizumabAdministered c => CloseLabs(Done(regimen, c.ItemId, c.AdministeredOn), c.ItemId, c.AdministeredOn) with
            {
                CamrelizumabDoses = regimen.CamrelizumabDoses + 1,
                LastCamrelizumabOn = Latest(regimen.LastCamrelizumabOn, c.AdministeredOn),
            },
            TreatmentHeld h => regimen with
            {
                Holds = regimen.Holds.RemoveAll(x => x.HoldId == h.HoldId)
                    .Add(new HoldAsOf(h.HoldId, h.Drug, h.HeldFrom, h.AdverseEventId, h.Grade, null)),
            },
            TreatmentResumable r => regimen with
            {
                Holds = regimen.Holds.Select(x => x.HoldId == r.HoldId ? x with { Grade = r.Grade, ResumableFrom = r.ResumableFrom } : x)
                    .ToImmutableList(),
            },
            TreatmentResumed r => regimen with { Holds = regimen.Holds.RemoveAll(x => r.HoldIds.Contains(x.HoldId)) },

            // SCHED-HOLD: a hold whose adverse event was corrected away or entered in error is void.
            TreatmentHoldReleased r => regimen with { Holds = regimen.Holds.RemoveAll(x => x.HoldId == r.HoldId) },

            // SCHED-LEN: a corrected weight re-doses a lenvatinib start not yet given; a running course keeps its dose.
            TherapyItemRedosed r => regimen with { PlannedLenvatinibDailyDoseMg = r.DoseMg },
            _ => regimen,
        };
    }

    private static RegimenAsOf Put(RegimenAsOf regimen, TherapyItemAsOf item) =>
        regimen with { Items = regimen.Items.SetItem(item.ItemId, item) };

    private static RegimenAsOf Update(RegimenAsOf regimen, string itemId, Func<TherapyItemAsOf, TherapyItemAsOf> change) =>
        regimen.Items.TryGetValue(itemId, out var item) ? Put(regimen, change(item)) : regimen;

    private static RegimenAsOf Done(RegimenAsOf regimen, string itemId, DateOnly on) =>
        Update(regimen, itemId, i => i with { Status = TherapyItemStatuses.Done, DoneOn = on });

    // SCHED-LAB, as Scheduling folds it: a dose given closes its outstanding labs item (LAB-<dose>) on the dose date.
    private static RegimenAsOf CloseLabs(RegimenAsOf regimen, string doseItemId, DateOnly on) =>
        Update(regimen, "LAB-" + doseItemId, i => i.Status is TherapyItemStatuses.Planned or TherapyItemStatuses.Missed or TherapyItemStatuses.Overdue
            ? i with { Status = TherapyItemStatuses.Done, DoneOn = on }
            : i);

    private static DateOnly Latest(DateOnly? current, DateOnly candidate) =>
        current is { } c && c > candidate ? c : candidate;
}
