using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Surgery;

/// <summary>SURG-PATH resection margin status.</summary>
public enum ResectionMargin
{
    R0,
    R1,
    R2,
}

/// <summary>SURG-PATH input: margin status and percentage of viable tumour in the specimen.</summary>
public sealed record ResectionPathology(ResectionMargin Margin, decimal ViableTumourPercent);

/// <summary>SURG-PATH result. pCR: no viable tumour. MPR: viable tumour at or below the configured percentage (includes pCR).</summary>
public sealed record PathologyResult(
    ResectionMargin Margin,
    decimal ViableTumourPercent,
    bool PathologicalCompleteResponse,
    bool MajorPathologicalResponse,
    string RuleSetVersion);

/// <summary>SURG-PATH cohort metrics: conversion-resection rate over enrolled patients; R0, pCR and MPR over resections.</summary>
public sealed record SurgicalCohortRates(Rate ConversionResection, Rate R0, Rate PathologicalCompleteResponse, Rate MajorPathologicalResponse);

/// <summary>SURG-PATH (review): resection outcome classification and the cohort metrics it feeds.</summary>
public static class Pathology
{
    public static Validated<PathologyResult> Classify(ResectionPathology pathology, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(pathology);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.CheckEnum(pathology.Margin, "margin");
        e.InRange(pathology.ViableTumourPercent, PlausibleRanges.ViableTumourPercent, "viableTumourPercent");
        return e.Result(() => new PathologyResult(
            pathology.Margin,
            pathology.ViableTumourPercent,
            pathology.ViableTumourPercent == 0m,
            pathology.ViableTumourPercent <= ruleSet.MajorPathologicalResponseMaximumViablePercent,
            ruleSet.Version));
    }

    public static Validated<SurgicalCohortRates> CohortRates(int enrolledPatients, IReadOnlyList<PathologyResult> resections)
    {
        ArgumentNullException.ThrowIfNull(resections);
        var e = new ErrorCollector();
        e.Require(enrolledPatients >= resections.Count, "enrolledPatients",
            "Fewer enrolled patients than resections.", "≥ number of resections");
        var n = resections.Count;
        return e.Result(() => new SurgicalCohortRates(
            new Rate(n, enrolledPatients),
            new Rate(resections.Count(r => r.Margin == ResectionMargin.R0), n),
            new Rate(resections.Count(r => r.PathologicalCompleteResponse), n),
            new Rate(resections.Count(r => r.MajorPathologicalResponse), n)));
    }
}
