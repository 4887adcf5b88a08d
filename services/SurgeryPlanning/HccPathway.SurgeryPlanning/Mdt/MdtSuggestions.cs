using HccPathway.Clinical.Failure;
using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.SurgeryPlanning.Facts;
using HccPathway.SurgeryPlanning.Readiness;

namespace HccPathway.SurgeryPlanning.Mdt;

/// <summary>What the rules put before the MDT, and the facts they were computed from.</summary>
public sealed record MdtSuggestionSet(IReadOnlyList<MdtSuggestion> Suggestions, MdtSuggestionInputs Inputs, string? FollowUp, string RuleSetVersion);

/// <summary>
/// SURG-READY (resect when all six criteria pass), SURG-CCR (after a confirmed cCR or a PR) and FAIL-1..4 (after
/// progression, intolerance, worsening liver disease or insufficient FLR growth), from the checklist's facts.
/// </summary>
public static class MdtSuggestions
{
    public static MdtSuggestionSet For(PatientChecklist c, ReadinessSnapshot readiness, bool highSurgicalRisk, ClinicalRuleSet rules)
    {
        var suggestions = new List<MdtSuggestion>();
        if (readiness.Verdict == ReadinessVerdicts.Ready)
        {
            suggestions.Add(new MdtSuggestion("SURG-READY", MdtOutcomes.Resect,
                "All six SURG-READY criteria pass: conversion resection may be considered.", [], false));
        }

        var latest = c.Responses.Where(r => r.MrecistCategory is not null).MaxBy(r => r.StudyOn);
        var latestCategory = ReadinessInputsMapping.ToCategory(latest?.MrecistCategory) ?? ResponseCategory.NotEvaluable;
        var ccrConfirmed = c.ClinicalCompleteResponse is { Value: true };
        var ccr = ccrConfirmed ? new CcrEvaluation(true, [], null, c.ClinicalCompleteResponse!.On, rules.Version) : null;
        var salvage = SalvageStrategy.Recommend(latestCategory, ccr, highSurgicalRisk, rules);
        suggestions.AddRange(salvage.Options.Select(option => new MdtSuggestion(salvage.RuleId,
            option == SurgicalStrategy.WatchAndWait ? MdtOutcomes.WatchAndWait : MdtOutcomes.Resect,
            salvage.Rationale, [], salvage.Preferred == option)));

        var failure = FailureContext(c, latestCategory, rules);
        var failureSuggestions = ConversionFailure.Suggest(failure.Context, rules);
        suggestions.AddRange(failureSuggestions.Suggestions.Select(s => new MdtSuggestion(
            FailureRuleId(s, failure.Context.Progression), MdtOutcomes.SecondLine, s.Suggestion, s.Options, false)));

        var inputs = new MdtSuggestionInputs(
            readiness.Verdict,
            latest?.MrecistCategory,
            latest?.EventId,
            ccrConfirmed,
            ccrConfirmed ? c.ClinicalCompleteResponse!.EventId : null,
            failure.Progression?.Pattern,
            failure.Progression?.EventId,
            failure.Context.Intolerance,
            failure.IntoleranceEvents,
            failure.Context.LiverDiseaseWorsening,
            failure.Context.LiverDiseaseWorsening ? c.ChildPughScore?.EventId : null,
            c.FlrToSlvRatio?.Value,
            c.FlrToSlvRatio?.EventId);
        var followUp = failureSuggestions.Suggestions.Count > 0 ? failureSuggestions.FollowUp : null;
        return new MdtSuggestionSet(suggestions, inputs, followUp, rules.Version);
    }

    private sealed record Failure(ConversionFailureContext Context, ProgressionFact? Progression, IReadOnlyList<Guid> IntoleranceEvents);

    private static Failure FailureContext(PatientChecklist c, ResponseCategory latestCategory, ClinicalRuleSet rules)
    {
        // FAIL-1 acts on the current progression: the latest progressing study, unless a later study no longer shows PD.
        var lastNonProgression = c.Responses.Where(r => r.MrecistCategory != ResponseCategories.ProgressiveDisease && r.RecistCategory != ResponseCategories.ProgressiveDisease)
            .Select(r => (DateOnly?)r.StudyOn).Max();
        var progression = c.Progressions.Where(p => lastNonProgression is null || p.StudyOn > lastNonProgression).MaxBy(p => p.StudyOn);

        // FAIL-2: a treatment-related AE of grade ≥ 3 (the SCHED-HOLD threshold) or a drug still on hold.
        var severe = c.AdverseEvents.Where(a => a.TreatmentRelated && a.Gradings.Any(g => g.Grade >= rules.HoldMinimumCtcaeGrade))
            .Select(a => a.Gradings.First(g => g.Grade >= rules.HoldMinimumCtcaeGrade).EventId);
        var intolerance = severe.Concat(FactRecording.ActiveHolds(c).Select(h => h.EventId)).Distinct().ToArray();

        // FAIL-3: Child–Pugh worse than at baseline and beyond what SURG-READY (4) accepts.
        var worsening = c.ChildPughScore is { } cp && c.BaselineChildPughScore is { } baseline
                        && cp.Value > baseline.Value && cp.Value > rules.ReadinessMaximumChildPughScore;

        // FAIL-4: the FLR was re-measured after the baseline and is still below the SURG-READY (3) threshold.
        var flrRemeasured = c.FlrToSlvRatio is { } flr && (c.BaselineChildPughScore is null || flr.On > c.BaselineChildPughScore.On);
        var insufficientFlr = flrRemeasured && ConversionFailure.IsFlrGrowthInsufficient(c.FlrToSlvRatio!.Value, rules);

        var pattern = progression is null ? ProgressionPattern.NoProgression : ToPattern(progression.Pattern);
        var context = new ConversionFailureContext(pattern, intolerance.Length > 0, worsening, insufficientFlr,
            [RegimenComponent.Lenvatinib, RegimenComponent.Tace, RegimenComponent.Camrelizumab]);
        return new Failure(context, progression, intolerance);
    }

    public static ProgressionPattern ToPattern(string pattern) => pattern switch
    {
        ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic => ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic,
        ProgressionPatternNames.NewLesionWithOthersStable => ProgressionPattern.NewLesionWithOthersStable,
        ProgressionPatternNames.IntraAndExtrahepaticProgression => ProgressionPattern.IntraAndExtrahepaticProgression,
        ProgressionPatternNames.ExtrahepaticProgressionOnly => ProgressionPattern.ExtrahepaticProgressionOnly,
        _ => ProgressionPattern.NoProgression,
    };

    // FAIL-1's branch is named after the pattern (FAIL-1a/1b/1c); other failure modes keep the library's rule id.
    private static string FailureRuleId(SecondLineSuggestion s, ProgressionPattern pattern) =>
        s.Mode != FailureMode.Progression ? s.RuleId : pattern switch
        {
            ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic => "FAIL-1a",
            ProgressionPattern.NewLesionWithOthersStable => "FAIL-1b",
            ProgressionPattern.IntraAndExtrahepaticProgression => "FAIL-1c",
            _ => "FAIL-1",
        };
}
