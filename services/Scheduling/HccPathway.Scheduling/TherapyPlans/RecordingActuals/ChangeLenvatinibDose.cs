using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Scheduling;
using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Scheduling.TherapyPlans.RecordingActuals;

/// <summary>
/// A clinician changes the lenvatinib daily dose (SCHED-HOLD): a reduction goes to a lower configured level
/// (12 → 8 → 4 mg by default), a re-escalation back up to at most the planned dose.
/// </summary>
public static class ChangeLenvatinibDose
{
    public sealed record Request(DateOnly? EffectiveOn, decimal? DailyDoseMg, string? Reason, Guid? AdverseEventId);

    public static Decision Decide(TherapyPlan plan, Request request, string by, DateOnly today, DateTimeOffset now, ClinicalRuleSet rules, SchedulingOptions options)
    {
        if (Checks.First(
                Checks.Planned(plan),
                Checks.ActualDate(request.EffectiveOn, "effectiveOn", today, options, plan),
                Checks.Required(request.Reason, "reason")) is { } rejected)
        {
            return rejected;
        }

        if (request.DailyDoseMg is not { } dose || !rules.LenvatinibDoseLevelsMilligrams.Contains(dose) || dose > plan.PlannedLenvatinibDoseMg)
        {
            var next = HoldRules.NextLowerLenvatinibDose(plan.LenvatinibDoseMg, rules);
            return Checks.Invalid("dailyDoseMg",
                $"Must be a dose level of the rule set ({string.Join(", ", rules.LenvatinibDoseLevelsMilligrams)} mg) and at most the planned " +
                $"{plan.PlannedLenvatinibDoseMg} mg; the next level down from {plan.LenvatinibDoseMg} mg is {(next is { } n ? $"{n} mg" : "none (consider stopping)")}.",
                "SCHED-HOLD");
        }

        if (plan.LenvatinibStartedOn is null)
        {
            return Rejection.Conflict("Lenvatinib has not started; change the planned dose when recording the start.", "SCHED-LEN");
        }

        if (dose == plan.LenvatinibDoseMg)
        {
            return Rejection.Conflict($"The daily dose is already {dose} mg.");
        }

        if (request.EffectiveOn < plan.LenvatinibStartedOn)
        {
            return Rejection.Invalid("effectiveOn", $"Lenvatinib started on {plan.LenvatinibStartedOn:yyyy-MM-dd}; a dose change cannot be earlier.");
        }

        return Decision.Append(new LenvatinibDoseChanged(plan.Id, plan.LenvatinibDoseMg, dose, request.EffectiveOn!.Value,
            request.Reason!.Trim(), request.AdverseEventId, "SCHED-HOLD", rules.Version, by, now));
    }

    public static RouteGroupBuilder MapChangeLenvatinibDose(this RouteGroupBuilder therapy)
    {
        therapy.MapPost("/lenvatinib/dose", (
                Guid pathwayId, Request request, [FromHeader(Name = "If-Match")] string? ifMatch, HttpContext http, PathwayWriter writer,
                ClinicalRuleSet rules, SchedulingOptions options, CancellationToken ct) =>
            writer.Append<TherapyPlan>(pathwayId, ifMatch, p => Decide(p, request, http.User.ActorName(), writer.Today, writer.Now, rules, options), ct))
            .RequireAuthorization(Policies.DecideCare)
            .WithName("ChangeLenvatinibDose")
            .WithSummary("Reduce (or re-escalate) the lenvatinib daily dose to a configured level (clinicians only).");
        return therapy;
    }
}
