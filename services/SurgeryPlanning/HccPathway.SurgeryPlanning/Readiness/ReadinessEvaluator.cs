using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;

namespace HccPathway.SurgeryPlanning.Readiness;

/// <summary>SURG-READY on one date: the six criteria and the verdict.</summary>
public sealed record ReadinessSnapshot(string Verdict, DateOnly EvaluatedOn, IReadOnlyList<ReadinessCriterionResult> Criteria, string RuleSetVersion)
{
    public IReadOnlyList<ReadinessCriterionResult> NotPassing => Criteria.Where(c => c.Status != CriterionStatuses.Pass).ToArray();

    public ReadinessCriterionResult this[string key] => Criteria.Single(c => c.Key == key);
}

/// <summary>Evaluates SURG-READY from a patient's checklist with the clinical library (SurgicalReadiness).</summary>
public static class ReadinessEvaluator
{
    public const string TreatmentStartUnknown = "treatment start not known (SD duration is counted from it)";

    public static ReadinessSnapshot Evaluate(PatientChecklist c, DateOnly today, ClinicalRuleSet rules)
    {
        var knownStart = (c.TreatmentStartedOn ?? c.EnrolledOn)?.Value;
        var start = knownStart is { } s && s <= today ? s : FallbackStart(c, today);
        var inputs = ReadinessInputsMapping.ToInputs(Sanitised(c), today, start);
        var evaluation = SurgicalReadiness.Evaluate(inputs, today, rules);
        if (!evaluation.TryGetValue(out var decision))
        {
            // The mapping keeps every value inside the library's ranges; reaching this is a defect, not bad input.
            throw new InvalidOperationException("SURG-READY rejected the checklist: " +
                string.Join("; ", evaluation.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        var criteria = decision.Criteria.Select((criterion, i) => ToResult(ReadinessCriteria.All[i], criterion)).ToArray();

        // SURG-READY (1): SD is "maintained" only relative to the treatment start; without it the criterion is unknown.
        var latest = inputs.MrecistAssessments.MaxBy(a => a.Date);
        if (knownStart is null && latest?.Value == ResponseCategory.StableDisease)
        {
            criteria[0] = criteria[0] with { Status = CriterionStatuses.Unknown, Missing = TreatmentStartUnknown };
        }

        return new ReadinessSnapshot(VerdictOf(criteria), today, criteria, decision.RuleSetVersion);
    }

    public static string VerdictOf(IReadOnlyList<ReadinessCriterionResult> criteria)
    {
        if (criteria.All(c => c.Status == CriterionStatuses.Pass))
        {
            return ReadinessVerdicts.Ready;
        }

        return criteria.All(c => c.Status != CriterionStatuses.Fail) && criteria.Count(c => c.Status == CriterionStatuses.Unknown) == 1
            ? ReadinessVerdicts.NearlyReady
            : ReadinessVerdicts.Blocked;
    }

    private static DateOnly FallbackStart(PatientChecklist c, DateOnly today) =>
        c.Responses.Where(r => r.StudyOn <= today).Select(r => r.StudyOn).DefaultIfEmpty(today).Min();

    // Values outside the library's plausible ranges (a wrong unit upstream) are left out: unknown, never a pass.
    private static PatientChecklist Sanitised(PatientChecklist c) => new()
    {
        Responses = c.Responses,
        R0ResectionFeasible = c.R0ResectionFeasible,
        FlrToSlvRatio = c.FlrToSlvRatio is { Value: > 0 and <= 3 } flr && double.IsFinite(flr.Value) ? flr : null,
        ChildPughScore = c.ChildPughScore is { Value: >= 5 and <= 15 } cp ? cp : null,
        IcgR15Percent = c.IcgR15Percent is { Value: >= 0 and <= 100 } icg ? icg : null,
        Ecog = c.Ecog is { Value: >= 0 and <= 4 } ecog ? ecog : null,
        ExtrahepaticDisease = c.ExtrahepaticDisease,
        OtherContraindication = c.OtherContraindication,
        AdverseEvents = c.AdverseEvents,
    };

    private static ReadinessCriterionResult ToResult(string key, Criterion c)
    {
        var status = c.Outcome switch
        {
            CriterionOutcome.Pass => CriterionStatuses.Pass,
            CriterionOutcome.Fail => CriterionStatuses.Fail,
            _ => CriterionStatuses.Unknown,
        };
        var evidence = c.Evidence
            .Select(e => Guid.TryParse(e.EventId, out var id) ? new ReadinessEvidence(id, e.Date) : null)
            .OfType<ReadinessEvidence>()
            .Distinct()
            .ToArray();
        return new ReadinessCriterionResult(key, c.RuleId, c.Name, status, c.Observed, c.ObservedValue, c.Unit, c.Threshold, evidence,
            status == CriterionStatuses.Unknown ? c.Note ?? "missing" : null);
    }
}
