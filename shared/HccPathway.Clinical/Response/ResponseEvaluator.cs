using HccPathway.Clinical.Rules;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Response;

/// <summary>
/// Shared engine of RESP-RECIST and RESP-MRECIST: validation, sums, baseline and nadir. The two criteria differ in what
/// they measure and in their CR and PD rules.
/// </summary>
internal static class ResponseEvaluator
{
    // RESP-RECIST / RESP-MRECIST: published constants, not configurable.
    public const int MaximumTargetLesions = 5;
    public const int MaximumTargetLesionsPerOrgan = 2;
    public const decimal MinimumTargetDiameterMillimetres = 10m;
    public const decimal MinimumTargetNodeShortAxisMillimetres = 15m;
    public const decimal NormalNodeShortAxisBelowMillimetres = 10m;
    public const decimal PartialResponseDecreasePercent = 30m;
    public const decimal ProgressionIncreasePercent = 20m;
    public const decimal RecistProgressionMinimumIncreaseMillimetres = 5m;

    public static Validated<IReadOnlyList<ResponseAssessment>> Assess(ResponseSeries series, ResponseCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(series);
        var e = new ErrorCollector();
        Validate(e, series, criteria);
        if (e.HasErrors)
        {
            return Validated<IReadOnlyList<ResponseAssessment>>.Failure(e.Errors);
        }

        var lesions = series.TargetLesions;
        var baselineSum = Sum(series.Baseline!, lesions, criteria)!.Value;
        decimal? nadir = baselineSum;
        var results = new List<ResponseAssessment>();
        foreach (var study in series.FollowUps.OrderBy(s => s.Date))
        {
            var sum = Sum(study, lesions, criteria);
            var assessment = Classify(study, lesions, criteria, sum, baselineSum, nadir!.Value);
            results.Add(assessment);
            if (sum is { } s && s < nadir)
            {
                nadir = s;
            }
        }

        return Validated<IReadOnlyList<ResponseAssessment>>.Success(results);
    }

    private static ResponseAssessment Classify(
        ImagingStudy study,
        IReadOnlyList<TargetLesion> lesions,
        ResponseCriteria criteria,
        decimal? sum,
        decimal baselineSum,
        decimal nadir)
    {
        decimal? fromBaseline = sum is { } s1 ? Percent(s1 - baselineSum, baselineSum) : null;
        decimal? fromNadir = sum is { } s2 ? Percent(s2 - nadir, nadir) : null;
        ResponseAssessment Result(ResponseCategory c, string reason) =>
            new(study.StudyId, study.Date, criteria, c, sum, baselineSum, nadir, fromBaseline, fromNadir, reason);

        if (study.NewLesion)
        {
            return Result(ResponseCategory.ProgressiveDisease, "new lesion");
        }

        if (study.NonTarget == NonTargetStatus.UnequivocalProgression)
        {
            return Result(ResponseCategory.ProgressiveDisease, "unequivocal progression of non-target disease");
        }

        if (sum is not { } total)
        {
            return Result(ResponseCategory.NotEvaluable, "a target lesion was not measured");
        }

        var growth = total - nadir;
        if (IsProgression(criteria, growth, nadir))
        {
            return Result(ResponseCategory.ProgressiveDisease, criteria == ResponseCriteria.Recist11
                ? $"sum {Of(total)} mm is ≥ 20 % and ≥ 5 mm above the nadir {Of(nadir)} mm"
                : $"sum of viable diameters {Of(total)} mm is ≥ 20 % above the nadir {Of(nadir)} mm");
        }

        if (AllTargetsGone(study, lesions, criteria))
        {
            return study.NonTarget == NonTargetStatus.Absent
                ? Result(ResponseCategory.CompleteResponse, criteria == ResponseCriteria.Recist11
                    ? "all target lesions gone and nodes < 10 mm"
                    : "no intratumoural arterial enhancement in any target lesion")
                : Result(ResponseCategory.PartialResponse, "targets in complete response but non-target disease persists");
        }

        // PR: ≥30 % below baseline. Compared as decrease × 100 ≥ 30 × baseline so the boundary is exact.
        if ((baselineSum - total) * 100m >= PartialResponseDecreasePercent * baselineSum)
        {
            return Result(ResponseCategory.PartialResponse, $"sum {Of(total)} mm is ≥ 30 % below baseline {Of(baselineSum)} mm");
        }

        return Result(ResponseCategory.StableDisease, "neither response nor progression");
    }

    private static bool IsProgression(ResponseCriteria criteria, decimal growth, decimal nadir)
    {
        // RESP-RECIST: ≥20 % above the nadir AND at least 5 mm. RESP-MRECIST: ≥20 % above the nadir; a growth of 0
        // from a nadir of 0 is not progression, so the increase must also be positive.
        var relative = growth > 0m && growth * 100m >= ProgressionIncreasePercent * nadir;
        return criteria == ResponseCriteria.Recist11
            ? relative && growth >= RecistProgressionMinimumIncreaseMillimetres
            : relative;
    }

    private static bool AllTargetsGone(ImagingStudy study, IReadOnlyList<TargetLesion> lesions, ResponseCriteria criteria) =>
        lesions.All(lesion =>
        {
            var m = study.Measurements.First(x => x.LesionId == lesion.LesionId);
            return lesion.IsLymphNode
                ? m.DiameterMillimetres < NormalNodeShortAxisBelowMillimetres
                : Measure(m, lesion, criteria) == 0m;
        });

    /// <summary>Sum of the target measurements; null when any target is missing (the study is not evaluable).</summary>
    private static decimal? Sum(ImagingStudy study, IReadOnlyList<TargetLesion> lesions, ResponseCriteria criteria)
    {
        decimal total = 0m;
        foreach (var lesion in lesions)
        {
            var m = study.Measurements.FirstOrDefault(x => x.LesionId == lesion.LesionId);
            if (m is null || Measure(m, lesion, criteria) is not { } value)
            {
                return null;
            }

            total += value;
        }

        return total;
    }

    // RESP-MRECIST measures the viable (enhancing) diameter; nodes keep their short axis under both criteria.
    private static decimal? Measure(LesionMeasurement m, TargetLesion lesion, ResponseCriteria criteria) =>
        criteria == ResponseCriteria.Mrecist && !lesion.IsLymphNode ? m.ViableDiameterMillimetres : m.DiameterMillimetres;

    private static decimal? Percent(decimal change, decimal reference) =>
        reference == 0m ? null : Math.Round(change / reference * 100m, 2);

    private static void Validate(ErrorCollector e, ResponseSeries series, ResponseCriteria criteria)
    {
        var lesions = series.TargetLesions ?? [];
        e.Require(lesions.Count is >= 1 and <= MaximumTargetLesions, "targetLesions",
            $"{Of(lesions.Count)} target lesions given.", "1–5 target lesions");
        foreach (var organ in lesions.GroupBy(l => l.Organ.Trim().ToUpperInvariant()).Where(g => g.Count() > MaximumTargetLesionsPerOrgan))
        {
            e.Add("targetLesions", $"{Of(organ.Count())} target lesions in organ '{organ.First().Organ}'.", "at most 2 target lesions per organ");
        }

        foreach (var duplicate in lesions.GroupBy(l => l.LesionId).Where(g => g.Count() > 1))
        {
            e.Add("targetLesions", $"Lesion id '{duplicate.Key}' is used twice.", "unique lesion ids");
        }

        if (criteria == ResponseCriteria.Mrecist)
        {
            for (var i = 0; i < lesions.Count; i++)
            {
                // RESP-MRECIST: PVTT is non-target.
                e.Require(!lesions[i].IsTumourThrombus, $"targetLesions[{i}]", "A tumour thrombus (PVTT) is non-target under mRECIST.",
                    "non-thrombus lesions");
            }
        }

        if (series.Baseline is null)
        {
            e.Add("baseline", "A baseline study is required.", "one baseline study before every follow-up");
            return;
        }

        ValidateStudy(e, series.Baseline, lesions, "baseline", isBaseline: true, criteria);
        var followUps = series.FollowUps ?? [];
        for (var i = 0; i < followUps.Count; i++)
        {
            var field = $"followUps[{i}]";
            e.Require(followUps[i].Date > series.Baseline.Date, field + ".date",
                $"Study dated {Of(followUps[i].Date)} is not after the baseline of {Of(series.Baseline.Date)}.", "after " + Of(series.Baseline.Date));
            ValidateStudy(e, followUps[i], lesions, field, isBaseline: false, criteria);
        }
    }

    private static void ValidateStudy(
        ErrorCollector e,
        ImagingStudy study,
        IReadOnlyList<TargetLesion> lesions,
        string field,
        bool isBaseline,
        ResponseCriteria criteria)
    {
        var measurements = study.Measurements ?? [];
        for (var j = 0; j < measurements.Count; j++)
        {
            var m = measurements[j];
            var mField = $"{field}.measurements[{j}]";
            var lesion = lesions.FirstOrDefault(l => l.LesionId == m.LesionId);
            if (lesion is null)
            {
                e.Add(mField + ".lesionId", $"'{m.LesionId}' is not a target lesion.", string.Join(", ", lesions.Select(l => l.LesionId)));
                continue;
            }

            if (measurements.Take(j).Any(x => x.LesionId == m.LesionId))
            {
                e.Add(mField + ".lesionId", $"'{m.LesionId}' is measured twice on one study.", "one measurement per lesion");
            }

            e.InRange(m.DiameterMillimetres, PlausibleRanges.LesionDiameterMillimetres, mField + ".diameterMillimetres");
            if (m.ViableDiameterMillimetres is { } viable)
            {
                e.InRange(viable, PlausibleRanges.LesionDiameterMillimetres, mField + ".viableDiameterMillimetres");
                e.Require(viable <= m.DiameterMillimetres, mField + ".viableDiameterMillimetres",
                    "The viable diameter cannot exceed the lesion's longest diameter.", "0 to " + Of(m.DiameterMillimetres) + " mm");
            }

            if (isBaseline)
            {
                ValidateBaselineTarget(e, lesion, m, mField, criteria);
            }
        }

        if (isBaseline)
        {
            foreach (var missing in lesions.Where(l => measurements.All(m => m.LesionId != l.LesionId)))
            {
                e.Add(field + ".measurements", $"Target lesion '{missing.LesionId}' is not measured at baseline.", "every target lesion measured");
            }
        }
    }

    private static void ValidateBaselineTarget(ErrorCollector e, TargetLesion lesion, LesionMeasurement m, string field, ResponseCriteria criteria)
    {
        if (lesion.IsLymphNode)
        {
            // RESP-RECIST: a target lymph node has a short axis ≥ 15 mm.
            e.Require(m.DiameterMillimetres >= MinimumTargetNodeShortAxisMillimetres, field + ".diameterMillimetres",
                "A target lymph node needs a short axis of at least 15 mm.", "≥ 15 mm short axis");
            return;
        }

        if (criteria == ResponseCriteria.Mrecist)
        {
            // RESP-MRECIST: a target must be arterially enhancing and measurable (viable diameter ≥ 10 mm).
            e.Require(m.ViableDiameterMillimetres >= MinimumTargetDiameterMillimetres, field + ".viableDiameterMillimetres",
                "An mRECIST target needs an enhancing (viable) diameter of at least 10 mm at baseline.", "≥ 10 mm");
        }
        else
        {
            e.Require(m.DiameterMillimetres >= MinimumTargetDiameterMillimetres, field + ".diameterMillimetres",
                "A target lesion needs a longest diameter of at least 10 mm.", "≥ 10 mm");
        }
    }
}
