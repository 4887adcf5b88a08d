using System.Text.RegularExpressions;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using static HccPathway.Assessment.Pathways.Imaging.SeriesMapping;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// RESP-RECIST and RESP-MRECIST for the latest study of a series, both computed by the clinical library from the
/// baseline and every study since, with the reason in words.
/// </summary>
internal static partial class ResponseEvaluation
{
    public sealed record Outcome(ResponseAssessed? Assessed, IReadOnlyList<ResponseAssessment> Recist, IReadOnlyList<ResponseAssessment> Mrecist, Dictionary<string, string[]> Errors);

    /// <summary>Assesses the last study of <paramref name="series"/> (the one just recorded).</summary>
    public static Outcome Assess(IReadOnlyList<ImagingStudyRecorded> series, ClinicalRuleSet rules, DateTimeOffset now)
    {
        var clinical = ToSeries(series);
        var recist = Recist11.Assess(clinical);
        var mrecist = Mrecist.Assess(clinical);
        var errors = recist.Errors.Concat(mrecist.Errors)
            .GroupBy(e => RequestField(e.Field))
            .ToDictionary(g => g.Key, g => g.Select(e => $"{e.Message} Allowed: {e.AllowedRange}.").Distinct().ToArray());
        if (errors.Count > 0)
        {
            return new Outcome(null, [], [], errors);
        }

        var study = series[^1];
        var baseline = series[0];
        var assessed = new ResponseAssessed(
            study.PathwayId,
            study.StudyId,
            study.StudyOn,
            study.Modality,
            study.IsBaseline,
            baseline.StudyId,
            baseline.StudyOn,
            Result(ResponseCriteria.Recist11, recist.Value, study, baseline),
            Result(ResponseCriteria.Mrecist, mrecist.Value, study, baseline),
            study.NewLesions,
            study.ExtrahepaticStatus,
            rules.Version,
            now);
        return new Outcome(assessed, recist.Value, mrecist.Value, errors);
    }

    private static CriteriaResponse Result(
        ResponseCriteria criteria, IReadOnlyList<ResponseAssessment> assessments, ImagingStudyRecorded study, ImagingStudyRecorded baseline)
    {
        var ruleId = criteria == ResponseCriteria.Recist11 ? "RESP-RECIST" : "RESP-MRECIST";
        if (study.IsBaseline)
        {
            var sum = Sum(baseline, baseline, criteria)!.Value;
            return new CriteriaResponse(Name(criteria), ruleId, null, sum, sum, null, null, null,
                $"Baseline: sum {sum} mm of {baseline.TargetLesions.Count} target lesion(s).", null);
        }

        var a = assessments[^1];
        var best = BestOverallResponse.Of(assessments.Select(x => x.Category));
        return new CriteriaResponse(
            Name(criteria), ruleId, Abbreviation(a.Category), a.SumMillimetres, a.BaselineSumMillimetres, a.NadirSumMillimetres,
            a.PercentChangeFromBaseline, a.PercentChangeFromNadir, Reason(a, study), Abbreviation(best));
    }

    // The library's reason, prefixed with the category; a new lesion is named, as a clinician would say it.
    private static string Reason(ResponseAssessment a, ImagingStudyRecorded study)
    {
        var category = Abbreviation(a.Category);
        if (a.Category == ResponseCategory.ProgressiveDisease && study.NewLesions.Count > 0)
        {
            return $"{category}: new lesion {string.Join(", ", study.NewLesions.Select(l => $"{l.LesionId} ({l.Site}, {l.Organ})"))}";
        }

        if (a.Category == ResponseCategory.ProgressiveDisease
            && study.NonTargetStatus != NonTargetStatuses.UnequivocalProgression
            && study.ExtrahepaticStatus == ExtrahepaticStatuses.Progressing
            && !a.Reason.StartsWith("sum", StringComparison.Ordinal))
        {
            return $"{category}: extrahepatic disease progressing (non-target)";
        }

        return $"{category}: {a.Reason}";
    }

    /// <summary>The request's field for one of the library's: its measurements are the request's target lesions, in order.</summary>
    public static string RequestField(string field)
    {
        var mapped = MeasurementPath().Replace(field, "targetLesions");
        mapped = FollowUpDate().Replace(mapped, "studyOn");
        return mapped
            .Replace("viableDiameterMillimetres", "viableDiameterMm", StringComparison.Ordinal)
            .Replace("diameterMillimetres", "diameterMm", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^(baseline|followUps\[\d+\])\.measurements")]
    private static partial Regex MeasurementPath();

    [GeneratedRegex(@"^followUps\[\d+\]\.date$")]
    private static partial Regex FollowUpDate();
}
