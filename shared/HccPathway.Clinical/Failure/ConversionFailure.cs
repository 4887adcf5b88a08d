using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Failure;

/// <summary>FAIL-1..4 failure modes.</summary>
public enum FailureMode
{
    Progression,
    Intolerance,
    LiverDiseaseWorsening,
    InsufficientFlrGrowth,
}

/// <summary>What failed, and the regimen that was running.</summary>
public sealed record ConversionFailureContext(
    ProgressionPattern Progression,
    bool Intolerance,
    bool LiverDiseaseWorsening,
    bool InsufficientFlrGrowth,
    IReadOnlyList<RegimenComponent> CurrentRegimen);

/// <summary>One second-line suggestion with the rule that produced it.</summary>
public sealed record SecondLineSuggestion(string RuleId, FailureMode Mode, string Suggestion, IReadOnlyList<string> Options);

/// <summary>
/// Suggestions for the MDT. They are never orders: a clinician records the decision. Follow-up imaging every 4–6 weeks
/// (SCHED-FU) accompanies every failure.
/// </summary>
public sealed record FailureSuggestions(
    IReadOnlyList<SecondLineSuggestion> Suggestions,
    string FollowUp,
    string RuleSetVersion)
{
    public const string Disclaimer = "Suggestions for the MDT; a clinician decides and records the decision.";
}

/// <summary>FAIL-1..4 (review [22]): second-line suggestions by failure pattern.</summary>
public static class ConversionFailure
{
    /// <summary>FAIL-4: the FLR has not grown to the readiness threshold (FLR/SLV below 40 % by default).</summary>
    public static bool IsFlrGrowthInsufficient(double flrToSlvRatio, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        return Math.Round((decimal)flrToSlvRatio * 100m, 4) < ruleSet.ReadinessMinimumFlrPercentOfSlv;
    }

    public static FailureSuggestions Suggest(ConversionFailureContext context, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var suggestions = new List<SecondLineSuggestion>();
        if (Progression(context.Progression) is { } progression)
        {
            suggestions.Add(progression);
        }

        if (context.Intolerance)
        {
            suggestions.Add(Downgrade(context.CurrentRegimen));
        }

        if (context.LiverDiseaseWorsening)
        {
            suggestions.Add(new SecondLineSuggestion("FAIL-3", FailureMode.LiverDiseaseWorsening,
                "Worsening underlying liver disease: symptomatic and supportive care.", ["symptomatic and supportive care"]));
        }

        if (context.InsufficientFlrGrowth)
        {
            suggestions.Add(new SecondLineSuggestion("FAIL-4", FailureMode.InsufficientFlrGrowth,
                "Insufficient FLR growth is a conversion failure in its own right: MDT review.", ["MDT review"]));
        }

        var followUp = $"SCHED-FU: imaging every {ruleSet.FollowUpImagingMinimumWeeks}–{ruleSet.FollowUpImagingMaximumWeeks} weeks.";
        return new FailureSuggestions(suggestions, followUp, ruleSet.Version);
    }

    // FAIL-1: by progression pattern (RESP-PROG).
    private static SecondLineSuggestion? Progression(ProgressionPattern pattern) => pattern switch
    {
        ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic => new("FAIL-1", FailureMode.Progression,
            "FAIL-1(a) intrahepatic growth with stable extrahepatic disease: locoregional therapy.", ["TACE", "HAIC"]),
        ProgressionPattern.NewLesionWithOthersStable => new("FAIL-1", FailureMode.Progression,
            "FAIL-1(b) a new lesion with all others stable: ablate the new lesion.", ["RFA of the new lesion"]),
        ProgressionPattern.IntraAndExtrahepaticProgression => new("FAIL-1", FailureMode.Progression,
            "FAIL-1(c) intra- and extrahepatic progression: combination systemic therapy with a different mechanism of action.",
            ["TKI", "ICI", "systemic chemotherapy"]),
        ProgressionPattern.ExtrahepaticProgressionOnly => new("FAIL-1", FailureMode.Progression,
            "Extrahepatic progression only is not one of the review's patterns: MDT review.", ["MDT review"]),
        _ => null,
    };

    // FAIL-2: "downgrade" to fewer components.
    private static SecondLineSuggestion Downgrade(IReadOnlyList<RegimenComponent> regimen)
    {
        var local = regimen.Contains(RegimenComponent.Tace);
        var antiAngiogenic = regimen.Contains(RegimenComponent.Lenvatinib);
        var ici = regimen.Contains(RegimenComponent.Camrelizumab);
        IReadOnlyList<string> options = (local, antiAngiogenic, ici) switch
        {
            (true, true, true) => ["anti-angiogenic + ICI (lenvatinib + camrelizumab)", "monotherapy (lenvatinib or camrelizumab)"],
            (false, true, true) => ["monotherapy (lenvatinib or camrelizumab)"],
            _ => ["monotherapy with fewer adverse effects, or supportive care"],
        };
        return new SecondLineSuggestion("FAIL-2", FailureMode.Intolerance,
            "Intolerance: downgrade to a regimen with fewer components and adverse effects.", options);
    }
}
