using HccPathway.ServiceDefaults.EventStore;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Scheduling.TherapyPlans;

/// <summary>Checks shared by the deciders; each returns the rejection to give, or null.</summary>
public static class Checks
{
    /// <summary>Checked first by every command: a pathway the patient has left takes nothing more (PATH-EXIT).</summary>
    public static Rejection? Planned(TherapyPlan plan) => NotExited(plan) ?? (plan.IsPlanned
        ? null
        : Rejection.Conflict("This pathway has no LEN-TAP regimen planned yet (it is planned when the patient is enrolled).", "SCHED-LEN"));

    /// <summary>The writer refuses HTTP commands already (<see cref="PathwayExit"/>); reactions to messages check here.</summary>
    public static Rejection? NotExited(TherapyPlan plan) => PathwayExit.Refusal(plan);

    /// <summary>An outstanding item of the plan, or the rejection: 404 for an unknown item, 409 for one already done, cancelled or skipped.</summary>
    public static (PlanItem? Item, Rejection? Rejection) Outstanding(TherapyPlan plan, string itemId, string action)
    {
        if (plan.Find(itemId) is not { } item)
        {
            return (null, Rejection.NotFound($"Pathway {plan.Id} has no item {itemId}."));
        }

        return item.IsOutstanding
            ? (item, null)
            : (null, Rejection.Conflict($"{itemId} is {item.State.ToString().ToLowerInvariant()}; only an outstanding item can be {action}.", "SCHED-SKIP"));
    }

    /// <summary>An actual must be dated, and not later than today (plus the configured allowance) anywhere on Earth.</summary>
    public static Rejection? ActualDate(DateOnly? date, string field, DateOnly today, SchedulingOptions options, TherapyPlan plan)
    {
        if (date is not { } value)
        {
            return Rejection.Invalid(field, "Required.");
        }

        // Nothing of the regimen can have happened before the patient was enrolled on it.
        if (plan.EnrolledOn != default && value < plan.EnrolledOn)
        {
            return Rejection.Invalid(field, $"{value:yyyy-MM-dd} is before the enrolment on {plan.EnrolledOn:yyyy-MM-dd}.");
        }

        var latest = today.AddDays(options.ActualDateMaxDaysAhead);
        return value > latest
            ? Invalid(field, $"{value:yyyy-MM-dd} is in the future; an actual may be dated at most {options.ActualDateMaxDaysAhead} day(s) ahead (Scheduling:ActualDateMaxDaysAhead).", "SCHED-ACTUAL-DATE")
            : null;
    }

    /// <summary>A planned date within <see cref="SchedulingOptions.PlanningHorizonYears"/> of today.</summary>
    public static Rejection? WithinHorizon(DateOnly date, string field, DateOnly today, SchedulingOptions options)
    {
        var latest = today.AddYears(options.PlanningHorizonYears);
        return date > latest
            ? Rejection.Invalid(field, $"{date:yyyy-MM-dd} is more than {options.PlanningHorizonYears} year(s) ahead (Scheduling:PlanningHorizonYears).")
            : null;
    }

    public static Rejection? Required(string? value, string field, int maxLength = 500) =>
        string.IsNullOrWhiteSpace(value) || value.Length > maxLength ? Rejection.Invalid(field, $"Required, at most {maxLength} characters.") : null;

    /// <summary>SCHED-HOLD: nothing is given of a held drug until a clinician resumes it.</summary>
    public static Rejection? NotHeld(TherapyPlan plan, string drug) => plan.OpenHolds(drug) is { Count: > 0 } holds
        ? Rejection.Conflict(
            $"{drug} is held (SCHED-HOLD) because of adverse event(s) {string.Join(", ", holds.Select(h => $"{h.AdverseEventId} ({h.CtcaeTerm}, grade {h.Grade})"))}; a clinician must resume it first.",
            "SCHED-HOLD")
        : null;

    /// <summary>A 400 that names the rule broken.</summary>
    public static Rejection Invalid(string field, string message, string ruleId) =>
        new(RejectionKind.Invalid, "The request is invalid.", message, new Dictionary<string, string[]> { [field] = [message] }, ruleId);

    public static Rejection? First(params Rejection?[] checks) => checks.FirstOrDefault(c => c is not null);
}
