using HccPathway.Clinical.Rules;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>
/// Whether surgery on one date is cleared: SURG-READY judged for that date (evidence older than the rule set's limit on
/// that date is stale) and SURG-WASH for that date. Booking, rescheduling and recording the outcome all judge with it.
/// </summary>
public sealed record SurgeryClearance(DateOnly SurgeryOn, ReadinessSnapshot Readiness, WashoutEvaluation Washout)
{
    public static SurgeryClearance For(PatientChecklist checklist, DateOnly surgeryOn, DateOnly today, ClinicalRuleSet rules) =>
        new(surgeryOn, ReadinessEvaluator.Evaluate(checklist, surgeryOn, rules), WashoutCalculation.ForSurgeryOn(checklist, surgeryOn, today, rules));

    public bool BeforeWashoutEnds => SurgeryOn < Washout.EarliestSafeSurgeryOn;

    public IReadOnlyList<string> NotPassing => Readiness.NotPassing.Select(c => $"{c.Key}: {c.Status}").ToArray();

    public IReadOnlyList<string> Blockers =>
    [
        .. NotPassing,
        .. BeforeWashoutEnds ? [$"washout: earliest safe date {Washout.EarliestSafeSurgeryOn:yyyy-MM-dd}"] : Array.Empty<string>(),
        .. Washout.OutstandingPrerequisites,
    ];

    /// <summary>
    /// The 409 for a date that is not cleared, or null when it is. A washout that does not end by the date names
    /// SURG-WASH (and the detail the earliest safe date); otherwise the readiness criteria name SURG-READY.
    /// </summary>
    public Rejection? Refusal(string what)
    {
        var blockers = Blockers;
        if (blockers.Count == 0)
        {
            return null;
        }

        var washoutBlocks = BeforeWashoutEnds || Readiness.Verdict == ReadinessVerdicts.Ready;
        return Rejection.Conflict($"{what} Blocking on {SurgeryOn:yyyy-MM-dd}: " + string.Join("; ", blockers), washoutBlocks ? "SURG-WASH" : "SURG-READY");
    }
}
