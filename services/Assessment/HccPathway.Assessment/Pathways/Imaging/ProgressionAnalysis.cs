using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Assessment;
using static HccPathway.Assessment.Pathways.Imaging.SeriesMapping;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// RESP-PROG: when the latest study is PD under either criterion, where did disease grow or appear?
/// <list type="bullet">
/// <item>New lesions: by their recorded site.</item>
/// <item>Target growth: only when the target sum itself meets PD (the study re-assessed without its new lesions and
/// non-target progression); then each site grew if its part of the sum is larger than on the nadir study.</item>
/// <item>Unequivocal non-target progression (in HCC typically PVTT) is intrahepatic growth; extrahepatic disease read
/// as progressing is extrahepatic growth.</item>
/// </list>
/// </summary>
internal static class ProgressionAnalysis
{
    public static ProgressionDetected? Detect(
        IReadOnlyList<ImagingStudyRecorded> series, ResponseAssessed assessed, ClinicalRuleSet rules, DateTimeOffset now)
    {
        if (assessed.IsBaseline
            || (assessed.Recist.Category != ResponseCategories.ProgressiveDisease && assessed.Mrecist.Category != ResponseCategories.ProgressiveDisease))
        {
            return null;
        }

        var study = series[^1];
        var intraGrowth = study.NonTargetStatus == NonTargetStatuses.UnequivocalProgression;
        var extraGrowth = study.ExtrahepaticStatus == ExtrahepaticStatuses.Progressing;
        foreach (var criteria in new[] { ResponseCriteria.Recist11, ResponseCriteria.Mrecist })
        {
            if (TargetSumProgresses(series, criteria) && SiteGrowth(series, criteria) is { } growth)
            {
                intraGrowth |= growth.Intrahepatic;
                extraGrowth |= growth.Extrahepatic;
            }
        }

        var newIntra = study.NewLesions.Where(l => l.Site == LesionSites.Intrahepatic).Select(l => l.LesionId).ToArray();
        var newExtra = study.NewLesions.Where(l => l.Site == LesionSites.Extrahepatic).Select(l => l.LesionId).ToArray();
        var pattern = ProgressionPatterns.Classify(new ProgressionFindings(intraGrowth, newIntra.Length > 0, extraGrowth, newExtra.Length > 0));
        var (name, failureRule) = Describe(pattern);
        return new ProgressionDetected(
            study.PathwayId,
            study.StudyId,
            study.StudyOn,
            name,
            failureRule,
            new ProgressionSites(intraGrowth, newIntra, extraGrowth, newExtra),
            assessed.Recist.Category!,
            assessed.Mrecist.Category!,
            [$"RECIST 1.1 {assessed.Recist.Reason}", $"mRECIST {assessed.Mrecist.Reason}"],
            rules.Version,
            now);
    }

    // The library decides a new lesion first; to know whether the targets alone progressed, ask it again without them.
    private static bool TargetSumProgresses(IReadOnlyList<ImagingStudyRecorded> series, ResponseCriteria criteria)
    {
        var study = series[^1];
        var targetsOnly = study with
        {
            NewLesions = [],
            NonTargetStatus = NonTargetStatuses.Present,
            ExtrahepaticStatus = ExtrahepaticStatuses.Stable,
        };
        var clinical = ToSeries([.. series.Take(series.Count - 1), targetsOnly]);
        var result = criteria == ResponseCriteria.Recist11 ? Recist11.Assess(clinical) : Mrecist.Assess(clinical);
        return result.IsValid && result.Value[^1].Category == ResponseCategory.ProgressiveDisease;
    }

    private static (bool Intrahepatic, bool Extrahepatic)? SiteGrowth(IReadOnlyList<ImagingStudyRecorded> series, ResponseCriteria criteria)
    {
        var baseline = series[0];
        var now = SiteSums(series[^1], baseline, criteria);

        // The nadir study: the first with the smallest evaluable sum before this one (the baseline counts).
        var nadir = series.Take(series.Count - 1)
            .Select(s => SiteSums(s, baseline, criteria))
            .Where(s => s is not null)
            .Select(s => s!.Value)
            .Aggregate((best, s) => s.Intrahepatic + s.Extrahepatic < best.Intrahepatic + best.Extrahepatic ? s : best);
        return now is { } n ? (n.Intrahepatic > nadir.Intrahepatic, n.Extrahepatic > nadir.Extrahepatic) : null;
    }

    private static (string Name, string? FailureRule) Describe(ProgressionPattern pattern) => pattern switch
    {
        ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic => (ProgressionPatternNames.IntrahepaticGrowthWithStableExtrahepatic, "FAIL-1a"),
        ProgressionPattern.NewLesionWithOthersStable => (ProgressionPatternNames.NewLesionWithOthersStable, "FAIL-1b"),
        ProgressionPattern.IntraAndExtrahepaticProgression => (ProgressionPatternNames.IntraAndExtrahepaticProgression, "FAIL-1c"),
        _ => (ProgressionPatternNames.ExtrahepaticProgressionOnly, null),
    };
}
