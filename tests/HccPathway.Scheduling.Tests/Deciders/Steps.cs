using HccPathway.Scheduling.TherapyPlans;
using HccPathway.Scheduling.TherapyPlans.ChangingItems;
using HccPathway.Scheduling.TherapyPlans.OrderingTace;
using HccPathway.Scheduling.TherapyPlans.Delays;
using HccPathway.Scheduling.TherapyPlans.RecordingActuals;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.Tests.Deciders;

/// <summary>The commands a coordinator gives, each decided on its own date.</summary>
internal static class Steps
{
    public static Decision StartLenvatinib(this TherapyPlan plan, DateOnly on, decimal? doseMg = null, string? reason = null) =>
        TherapyPlans.RecordingActuals.StartLenvatinib.Decide(plan, new(on, doseMg, reason), Given.Coordinator, on, Given.At(on), Given.Options);

    public static Decision Tace(this TherapyPlan plan, DateOnly on, int? session = 1) =>
        RecordTace.Decide(plan, new(on, session), Given.Coordinator, on, Given.At(on), Given.Options, Given.Rules);

    public static Decision OrderTace(this TherapyPlan plan, DateOnly dueOn, DateOnly today, string? reason = "MDT: residual arterial enhancement") =>
        TherapyPlans.OrderingTace.OrderTace.Decide(plan, new(dueOn, reason, null), "dr-house", today, Given.At(today), Given.Options, Given.Rules);

    public static Decision Skip(this TherapyPlan plan, string itemId, DateOnly today, string? reason = "Patient on holiday") =>
        SkipItem.Decide(plan, itemId, new(reason), Given.Coordinator, today, Given.At(today), Given.Rules);

    public static Decision Cancel(this TherapyPlan plan, string itemId, DateOnly today, string? reason = "Not indicated any more") =>
        CancelItem.Decide(plan, itemId, new(reason), Given.Coordinator, today, Given.At(today), Given.Rules);

    public static Decision Reschedule(this TherapyPlan plan, string itemId, DateOnly to, DateOnly today, string? reason = "Infusion chair free earlier") =>
        RescheduleItem.Decide(plan, itemId, new(to, reason), Given.Coordinator, today, Given.At(today), Given.Options);

    public static Decision Camrelizumab(this TherapyPlan plan, DateOnly on, decimal? doseMg = null, string? reason = null) =>
        RecordCamrelizumab.Decide(plan, new(on, doseMg, reason), Given.Coordinator, on, Given.At(on), Given.Options, Given.Rules);

    public static Decision Delay(this TherapyPlan plan, string itemId, DateOnly to, string reason = "Angiography suite unavailable") =>
        DelayItem.Decide(plan, itemId, new(to, reason), Given.Coordinator, Given.Today, Given.Now);

    public static DateOnly Due(this TherapyPlan plan, string itemId) => plan.Find(itemId)!.DueOn;

    public static DateOnly D(int month, int day) => new(2026, month, day);
}
