using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using HccPathway.ServiceDefaults.Deadlines;
using HccPathway.ServiceDefaults.Http;

namespace HccPathway.Assessment.Pathways.CompleteResponse;

/// <summary>
/// RESP-CCR (4) as a deadline: once (1)–(3) have held since a date, with nothing contrary recorded since, the
/// stability period of <see cref="ClinicalRuleSet.CcrStabilityMonths"/> months runs from it. On the patient's hospital
/// <c>today</c>, a period that is over becomes one <see cref="CcrStabilityPeriodReached"/>: from that day an mRECIST CR
/// study (CT and PET-CT still without distant metastasis) confirms the cCR. Refused, nothing appended: a pathway left,
/// a cCR already confirmed, (1)–(3) not all met now, the period not over yet, or this start and period already recorded.
/// </summary>
public static class MarkCcrStabilityReached
{
    public const string RuleId = "RESP-CCR";

    /// <summary>The first day the period that started on <paramref name="since"/> is over (RESP-CCR (4): since + months).</summary>
    public static DateOnly ReachedOn(DateOnly since, int stabilityMonths) => since.AddMonths(stabilityMonths);

    public static Guid EventId(Guid pathwayId, DateOnly since, int stabilityMonths) =>
        DeadlineEventIds.NameBased($"ccr-stability-period-reached/{pathwayId:N}/{since:yyyy-MM-dd}/{stabilityMonths}");

    public static Decision Decide(AssessmentPathway pathway, DateOnly today, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (pathway.Exit is not null)
        {
            return Rejection.Conflict("The patient has left the pathway; response assessment is closed.", "PATHWAY-EXITED");
        }

        if (pathway.Ccr is not null)
        {
            return Rejection.Conflict($"The cCR is already confirmed (on {pathway.Ccr.ConfirmedOn:yyyy-MM-dd}).", RuleId);
        }

        // ConditionsMetSince is set only when (1)–(3) all pass on everything recorded: a contrary study or marker since
        // moves it or clears it.
        if (CcrTracker.Evaluate(pathway, rules) is not { ConditionsMetSince: { } since } evaluation)
        {
            return Rejection.Conflict("RESP-CCR (1)–(3) do not all hold; no stability period is running.", RuleId);
        }

        var months = rules.CcrStabilityMonths;
        var reachedOn = ReachedOn(since, months);
        if (today < reachedOn)
        {
            return Rejection.Conflict($"The stability period that started on {since:yyyy-MM-dd} is over on {reachedOn:yyyy-MM-dd}.", RuleId);
        }

        if (pathway.CcrStabilityReached.Contains(new CcrStabilityStart(since, months)))
        {
            return Rejection.Conflict($"The stability period that started on {since:yyyy-MM-dd} is already recorded as reached.", RuleId);
        }

        return Decision.Append(new CcrStabilityPeriodReached(
            pathway.Id,
            since,
            months,
            reachedOn,
            evaluation.Criteria.Take(3).Select(CcrTracker.ToContract).ToArray(),
            CcrTracker.Evidence(pathway, rules),
            RuleId,
            evaluation.RuleSetVersion,
            now));
    }
}
