using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Clinical.Units;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;

namespace HccPathway.SurgeryPlanning.Resection;

/// <summary>SURG-RISK from the resection's pathology and the postoperative tumour markers.</summary>
public static class RecurrenceRiskChanges
{
    public static RecurrenceRiskEvaluated Evaluate(ResectionPerformed performed, IEnumerable<MarkerFact> markers, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var postoperative = markers.Where(m => m.SampledOn > performed.PerformedOn).OrderBy(m => m.SampledOn).ToArray();
        var p = performed.Pathology;
        var factors = new RecurrenceRiskFactors
        {
            TumourCount = p.TumourCount,
            LargestTumour = p.LargestTumourMm is { } largest ? LengthMm.FromMillimetres(largest) : null,
            Edmondson = p.EdmondsonGrade is { } grade ? Enum.Parse<EdmondsonGrade>(grade) : null,
            MicrovascularInvasion = p.MicrovascularInvasion,
            MacrovascularInvasion = p.MacrovascularInvasion,
            LymphNodeMetastasis = p.LymphNodeMetastasis,
            MarginWidth = performed.MarginWidthMm is { } width ? LengthMm.FromMillimetres(width) : null,
            PostoperativeAfp = postoperative.Where(m => m.AfpNanogramsPerMillilitre is not null)
                .Select(m => AfpNgPerMl.FromNanogramsPerMillilitre(m.AfpNanogramsPerMillilitre!.Value)).ToArray(),
            PostoperativeDcp = postoperative.Where(m => m.DcpMilliUnitsPerMillilitre is not null)
                .Select(m => DcpMauPerMl.FromMilliArbitraryUnitsPerMillilitre(m.DcpMilliUnitsPerMillilitre!.Value)).ToArray(),
        };

        // The request was validated against the same ranges; a failure here is a defect.
        var assessment = RecurrenceRisk.Assess(factors, rules).Value;
        return new RecurrenceRiskEvaluated(
            performed.PathwayId,
            performed.ResectionId,
            assessment.Level switch
            {
                RecurrenceRiskLevel.High => RecurrenceRiskLevels.High,
                RecurrenceRiskLevel.NotHigh => RecurrenceRiskLevels.NotHigh,
                _ => RecurrenceRiskLevels.Indeterminate,
            },
            assessment.Factors.Select(f => new CriterionResult(f.RuleId, f.Name, f.Observed, f.Threshold, f.Outcome.ToString().ToLowerInvariant())).ToArray(),
            postoperative.Select(m => m.SampleId).ToArray(),
            assessment.RuleSetVersion,
            now);
    }

    /// <summary>Re-evaluates after new facts; returns the event only when the level or a factor changed.</summary>
    public static RecurrenceRiskEvaluated? Reevaluate(PatientChecklist c, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (c.Resection is not { Performed: { } performed } resection)
        {
            return null;
        }

        var risk = Evaluate(performed, c.Markers, rules, now);
        if (risk.Level == resection.RecurrenceRiskLevel && risk.Factors.SequenceEqual(resection.RecurrenceRiskFactors))
        {
            return null;
        }

        c.Resection = resection with { RecurrenceRiskLevel = risk.Level, RecurrenceRiskFactors = risk.Factors };
        return risk;
    }
}
