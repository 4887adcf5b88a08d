using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Http;
using HccPathway.SurgeryPlanning.Readiness;
using HccPathway.SurgeryPlanning.Resection;

namespace HccPathway.SurgeryPlanning.Facts;

/// <summary>
/// What a consumer appends after recording a fact in the checklist: SURG-READY (and SURG-RISK after a resection)
/// re-evaluated, and only what changed.
/// </summary>
public static class ChecklistWrites
{
    public static Decision Reevaluate(PatientChecklist checklist, ClinicalRuleSet rules, DateOnly today, DateTimeOffset now, Guid triggeredBy)
    {
        // Readiness closed when the patient left the pathway: nothing about them is evaluated or appended any more.
        if (checklist.Exit is not null)
        {
            return Decision.Append();
        }

        var events = new List<object>();
        if (ReadinessChanges.Reevaluate(checklist, ReadinessEvaluator.Evaluate(checklist, today, rules), triggeredBy, now) is { } readiness)
        {
            events.Add(readiness);
        }

        if (RecurrenceRiskChanges.Reevaluate(checklist, rules, now) is { } risk)
        {
            events.Add(risk);
        }

        return Decision.Append([.. events]);
    }
}
