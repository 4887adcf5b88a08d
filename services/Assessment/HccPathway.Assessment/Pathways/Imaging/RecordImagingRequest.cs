using HccPathway.Contracts.Assessment;

namespace HccPathway.Assessment.Pathways.Imaging;

/// <summary>
/// An imaging study as the radiologist reports it. At baseline each target lesion is chosen with a stable id and its
/// organ; later studies measure the same ids (organ and node flag come from the baseline). Lengths in mm.
/// </summary>
/// <param name="StudyId">Optional client-chosen id (safe retries); generated when absent.</param>
/// <param name="IsBaseline">Marks a new baseline; the first study after enrolment is the baseline anyway.</param>
public sealed record RecordImagingRequest(
    Guid? StudyId,
    DateOnly? StudyOn,
    string? Modality,
    bool IsBaseline,
    IReadOnlyList<TargetLesionRequest>? TargetLesions,
    string? NonTargetStatus,
    IReadOnlyList<NewLesionRequest>? NewLesions,
    string? ExtrahepaticStatus);

/// <param name="DiameterMm">Longest diameter; for a lymph node its short axis.</param>
/// <param name="ViableDiameterMm">Longest arterially enhancing diameter (mRECIST); 0 when none enhances.</param>
public sealed record TargetLesionRequest(string? LesionId, string? Organ, bool? IsLymphNode, decimal? DiameterMm, decimal? ViableDiameterMm);

public sealed record NewLesionRequest(string? LesionId, string? Site, string? Organ, decimal? DiameterMm);

/// <summary>The checks of a study request that need no clinical rule: presence, vocabulary, sizes and lesion ids.</summary>
internal static class ImagingRequestChecks
{
    public const int MaximumTargets = 5;
    public const int MaximumTargetsPerOrgan = 2;
    public const decimal MaximumDiameterMm = 400m;

    public static Dictionary<string, string[]> Check(RecordImagingRequest r, AssessmentPathway p, bool isBaseline, DateOnly latestToday)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string message)
        {
            if (!errors.TryGetValue(field, out var list))
            {
                errors[field] = list = [];
            }

            list.Add(message);
        }

        CheckDate(r.StudyOn, p, isBaseline, latestToday, Add);
        OneOf("modality", r.Modality, ImagingModalities.All, Add);
        OneOf("nonTargetStatus", r.NonTargetStatus, NonTargetStatuses.All, Add);
        OneOf("extrahepaticStatus", r.ExtrahepaticStatus, ExtrahepaticStatuses.All, Add);
        var targets = r.TargetLesions ?? [];
        if (r.TargetLesions is null)
        {
            Add("targetLesions", "Required (an empty list when no target was measured on a follow-up).");
        }

        CheckTargets(targets, p, isBaseline, Add);
        CheckNewLesions(r.NewLesions ?? [], targets, p, isBaseline, Add);
        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static void CheckDate(DateOnly? studyOn, AssessmentPathway p, bool isBaseline, DateOnly latestToday, Action<string, string> add)
    {
        if (studyOn is not { } on)
        {
            add("studyOn", "Required.");
        }
        else if (on > latestToday)
        {
            add("studyOn", "The study is dated in the future.");
        }
        else if (on < p.ReferralDate)
        {
            add("studyOn", $"The study is dated before the referral ({p.ReferralDate:yyyy-MM-dd}).");
        }
        else if (!isBaseline && p.Baseline is { } baseline && on <= baseline.StudyOn)
        {
            add("studyOn", $"A follow-up study must be dated after the baseline of {baseline.StudyOn:yyyy-MM-dd}.");
        }
        else if (p.LatestStudyOn is { } latest && on < latest)
        {
            // Responses are computed in date order and already published; an older study would rewrite them.
            add("studyOn", $"Studies are recorded in date order; the latest is dated {latest:yyyy-MM-dd}.");
        }
        else if (isBaseline && p.LatestStudyOn is { } last && on <= last)
        {
            add("studyOn", $"A new baseline must be dated after the latest study ({last:yyyy-MM-dd}).");
        }
    }

    private static void CheckTargets(IReadOnlyList<TargetLesionRequest> targets, AssessmentPathway p, bool isBaseline, Action<string, string> add)
    {
        var baselineTargets = isBaseline ? [] : p.Baseline!.TargetLesions;
        if (isBaseline && targets.Count is < 1 or > MaximumTargets)
        {
            add("targetLesions", $"A baseline has 1 to {MaximumTargets} target lesions (RESP-RECIST); {targets.Count} given.");
        }

        if (isBaseline)
        {
            foreach (var organ in targets.Where(t => !string.IsNullOrWhiteSpace(t.Organ))
                         .GroupBy(t => Normalise(t.Organ!)).Where(g => g.Count() > MaximumTargetsPerOrgan))
            {
                add("targetLesions", $"At most {MaximumTargetsPerOrgan} target lesions per organ (RESP-RECIST); {organ.Count()} in '{organ.Key}'.");
            }
        }

        for (var i = 0; i < targets.Count; i++)
        {
            var t = targets[i];
            var field = $"targetLesions[{i}]";
            if (string.IsNullOrWhiteSpace(t.LesionId))
            {
                add(field + ".lesionId", "Required.");
            }
            else if (targets.Take(i).Any(x => x.LesionId == t.LesionId))
            {
                add(field + ".lesionId", $"'{t.LesionId}' is listed twice.");
            }
            else if (!isBaseline && baselineTargets.FirstOrDefault(b => b.LesionId == t.LesionId) is not { } known)
            {
                add(field + ".lesionId", $"'{t.LesionId}' is not a target lesion of the baseline ({string.Join(", ", baselineTargets.Select(b => b.LesionId))}).");
            }
            else if (!isBaseline && t.Organ is { } organ && Normalise(organ) != baselineTargets.First(b => b.LesionId == t.LesionId).Organ)
            {
                add(field + ".organ", $"'{t.LesionId}' is in '{baselineTargets.First(b => b.LesionId == t.LesionId).Organ}' at baseline.");
            }

            if (isBaseline && string.IsNullOrWhiteSpace(t.Organ))
            {
                add(field + ".organ", "Required at baseline (at most 2 targets per organ).");
            }

            CheckSizes(t.DiameterMm, t.ViableDiameterMm, field, add);
        }
    }

    private static void CheckSizes(decimal? diameter, decimal? viable, string field, Action<string, string> add)
    {
        if (diameter is not { } d)
        {
            add(field + ".diameterMm", "Required.");
        }
        else if (d is < 0m or > MaximumDiameterMm)
        {
            add(field + ".diameterMm", $"Must be 0 to {MaximumDiameterMm} mm (0 = disappeared).");
        }

        if (viable is { } v)
        {
            if (v is < 0m or > MaximumDiameterMm)
            {
                add(field + ".viableDiameterMm", $"Must be 0 to {MaximumDiameterMm} mm (0 = no enhancement).");
            }
            else if (diameter is { } total && v > total)
            {
                add(field + ".viableDiameterMm", $"The viable diameter {v} mm is larger than the lesion's diameter {total} mm.");
            }
        }
    }

    private static void CheckNewLesions(
        IReadOnlyList<NewLesionRequest> lesions, IReadOnlyList<TargetLesionRequest> targets, AssessmentPathway p, bool isBaseline, Action<string, string> add)
    {
        if (isBaseline && lesions.Count > 0)
        {
            add("newLesions", "A baseline study has no new lesions; list every lesion at baseline as target or non-target.");
            return;
        }

        var targetIds = (p.Baseline?.TargetLesions.Select(t => t.LesionId) ?? []).Concat(targets.Select(t => t.LesionId));
        for (var i = 0; i < lesions.Count; i++)
        {
            var l = lesions[i];
            var field = $"newLesions[{i}]";
            if (string.IsNullOrWhiteSpace(l.LesionId))
            {
                add(field + ".lesionId", "Required.");
            }
            else if (targetIds.Contains(l.LesionId) || lesions.Take(i).Any(x => x.LesionId == l.LesionId))
            {
                add(field + ".lesionId", $"'{l.LesionId}' is already used on this study.");
            }
            else if (p.NewLesionIds.Contains(l.LesionId))
            {
                add(field + ".lesionId", $"'{l.LesionId}' was already recorded as new on an earlier study.");
            }

            OneOf(field + ".site", l.Site, LesionSites.All, add);
            if (string.IsNullOrWhiteSpace(l.Organ))
            {
                add(field + ".organ", "Required.");
            }

            if (l.DiameterMm is < 0m or > MaximumDiameterMm)
            {
                add(field + ".diameterMm", $"Must be 0 to {MaximumDiameterMm} mm.");
            }
        }
    }

    private static void OneOf(string field, string? value, IReadOnlyList<string> allowed, Action<string, string> add)
    {
        if (value is null || !allowed.Contains(value))
        {
            add(field, $"Required: one of {string.Join(", ", allowed)}.");
        }
    }

    public static string Normalise(string organ) => organ.Trim().ToLowerInvariant();
}
