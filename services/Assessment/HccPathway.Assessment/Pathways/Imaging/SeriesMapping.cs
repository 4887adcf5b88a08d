using HccPathway.Clinical.Response;
using HccPathway.Contracts.Assessment;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>Between studies as the contract stores them and the clinical library's response series.</summary>
internal static class SeriesMapping
{
    public const string Liver = "liver";

    public static ResponseSeries ToSeries(IReadOnlyList<ImagingStudyRecorded> series)
    {
        var baseline = series[0];
        var targets = baseline.TargetLesions.Select(l => new TargetLesion(l.LesionId, l.Organ, l.IsLymphNode)).ToArray();
        return new ResponseSeries(targets, ToClinical(baseline), series.Skip(1).Select(ToClinical).ToArray());
    }

    public static ImagingStudy ToClinical(ImagingStudyRecorded s) => new(
        s.StudyId.ToString(),
        s.StudyOn,
        s.TargetLesions.Select(l => new LesionMeasurement(l.LesionId, l.DiameterMm, l.ViableDiameterMm)).ToArray(),
        NonTargetOf(s),
        s.NewLesions.Count > 0);

    // Extrahepatic disease that is not a target is non-target disease: its progression is unequivocal non-target
    // progression under both criteria (RESP-RECIST, RESP-MRECIST).
    private static NonTargetStatus NonTargetOf(ImagingStudyRecorded s) =>
        s.NonTargetStatus == NonTargetStatuses.UnequivocalProgression || s.ExtrahepaticStatus == ExtrahepaticStatuses.Progressing
            ? NonTargetStatus.UnequivocalProgression
            : s.NonTargetStatus == NonTargetStatuses.Present ? NonTargetStatus.Present : NonTargetStatus.Absent;

    // RESP-MRECIST measures the viable diameter; lymph nodes keep their short axis under both criteria.
    public static decimal? Measure(TargetLesionMeasurement l, ResponseCriteria criteria) =>
        criteria == ResponseCriteria.Mrecist && !l.IsLymphNode ? l.ViableDiameterMm : l.DiameterMm;

    /// <summary>Sum of the baseline's targets on <paramref name="study"/>, split into liver and elsewhere; null if any is missing.</summary>
    public static (decimal Intrahepatic, decimal Extrahepatic)? SiteSums(
        ImagingStudyRecorded study, ImagingStudyRecorded baseline, ResponseCriteria criteria)
    {
        decimal intra = 0m, extra = 0m;
        foreach (var target in baseline.TargetLesions)
        {
            if (study.TargetLesions.FirstOrDefault(l => l.LesionId == target.LesionId) is not { } m || Measure(m, criteria) is not { } value)
            {
                return null;
            }

            if (target.Organ == Liver && !target.IsLymphNode)
            {
                intra += value;
            }
            else
            {
                extra += value;
            }
        }

        return (intra, extra);
    }

    public static decimal? Sum(ImagingStudyRecorded study, ImagingStudyRecorded baseline, ResponseCriteria criteria) =>
        SiteSums(study, baseline, criteria) is { } s ? s.Intrahepatic + s.Extrahepatic : null;

    public static string Abbreviation(ResponseCategory c) => c switch
    {
        ResponseCategory.CompleteResponse => ResponseCategories.CompleteResponse,
        ResponseCategory.PartialResponse => ResponseCategories.PartialResponse,
        ResponseCategory.StableDisease => ResponseCategories.StableDisease,
        ResponseCategory.ProgressiveDisease => ResponseCategories.ProgressiveDisease,
        _ => ResponseCategories.NotEvaluable,
    };

    public static ResponseCategory Parse(string abbreviation) => abbreviation switch
    {
        ResponseCategories.CompleteResponse => ResponseCategory.CompleteResponse,
        ResponseCategories.PartialResponse => ResponseCategory.PartialResponse,
        ResponseCategories.StableDisease => ResponseCategory.StableDisease,
        ResponseCategories.ProgressiveDisease => ResponseCategory.ProgressiveDisease,
        _ => ResponseCategory.NotEvaluable,
    };

    public static string Name(ResponseCriteria c) => c == ResponseCriteria.Recist11 ? ResponseCriteriaNames.Recist11 : ResponseCriteriaNames.Mrecist;
}
