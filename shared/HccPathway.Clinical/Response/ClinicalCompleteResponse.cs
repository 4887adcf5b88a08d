using HccPathway.Clinical.Rules;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Response;

/// <summary>
/// RESP-CCR (review [89]): clinical complete response needs (1) mRECIST CR of all tumours, (2) every marker positive at
/// baseline back to normal, (3) no distant metastasis on CT and PET-CT, and (4) (1)–(3) stable for the configured period.
/// </summary>
public static class ClinicalCompleteResponse
{
    private const string Id = "RESP-CCR";

    public static Validated<CcrEvaluation> Evaluate(CcrInputs inputs, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        e.Require(inputs.MrecistAssessments is { Count: > 0 }, "mrecistAssessments", "At least one mRECIST assessment is required.", "1 or more");
        e.Check(inputs.BaselineAfp, "baselineAfpNanogramsPerMillilitre");
        if (inputs.BaselineDcp is { } dcp)
        {
            e.Check(dcp, "baselineDcpMilliArbitraryUnitsPerMillilitre");
        }

        for (var i = 0; i < (inputs.AfpMeasurements?.Count ?? 0); i++)
        {
            e.Check(inputs.AfpMeasurements![i].Value, $"afpMeasurements[{i}].value");
        }

        for (var i = 0; i < (inputs.DcpMeasurements?.Count ?? 0); i++)
        {
            e.Check(inputs.DcpMeasurements![i].Value, $"dcpMeasurements[{i}].value");
        }

        return e.Result(() => Compute(inputs, ruleSet));
    }

    private static CcrEvaluation Compute(CcrInputs inputs, ClinicalRuleSet r)
    {
        var (imaging, imagingSince, latestImaging) = ImagingCriterion(inputs.MrecistAssessments);
        var (markers, markersSince) = MarkerCriterion(inputs, r);
        var (metastasis, metastasisSince) = MetastasisCriterion(inputs.MetastasisScans ?? []);
        var first3 = new[] { imaging, markers, metastasis };

        DateOnly? since = null;
        Criterion stability;
        var threshold = $"(1)–(3) held for ≥ {Of(r.CcrStabilityMonths)} months, confirmed by mRECIST";
        if (first3.Any(c => c.Outcome == CriterionOutcome.Fail))
        {
            stability = new Criterion(Id, "(4) Stable over time", "(1)–(3) not all met", threshold, CriterionOutcome.Fail);
        }
        else if (first3.Any(c => c.Outcome == CriterionOutcome.Unknown))
        {
            stability = new Criterion(Id, "(4) Stable over time", "(1)–(3) not all known", threshold, CriterionOutcome.Unknown);
        }
        else
        {
            // The conditions have all held since the latest of their individual start dates.
            since = new[] { imagingSince, markersSince, metastasisSince }.Where(d => d is not null).Max();
            var stableUntil = since!.Value.AddMonths(r.CcrStabilityMonths);
            var months = MonthsBetween(since.Value, latestImaging!.Value);
            stability = new Criterion(Id, "(4) Stable over time",
                $"met since {Of(since.Value)}, confirmed on {Of(latestImaging.Value)} ({Of(months)} whole months)",
                threshold, Outcome(latestImaging.Value >= stableUntil))
            { ObservedValue = months, Unit = "months" };
        }

        var criteria = new[] { imaging, markers, metastasis, stability };
        return new CcrEvaluation(criteria.All(c => c.Passed), criteria, since, latestImaging, r.Version);
    }

    // (1) mRECIST CR of all tumours, counted from the first CR after the last non-CR assessment.
    private static (Criterion, DateOnly?, DateOnly?) ImagingCriterion(IReadOnlyList<Evidenced<ResponseCategory>> assessments)
    {
        var ordered = assessments.OrderBy(a => a.Date).ToArray();
        var latest = ordered[^1];
        var lastNonCr = Array.FindLastIndex(ordered, a => a.Value != ResponseCategory.CompleteResponse);
        var isCr = latest.Value == ResponseCategory.CompleteResponse;
        var since = isCr ? ordered[lastNonCr + 1].Date : (DateOnly?)null;
        var criterion = new Criterion(Id, "(1) mRECIST complete response of all tumours",
            $"{latest.Value} on {Of(latest.Date)}", "CompleteResponse", Outcome(isCr))
        { Evidence = [latest.Evidence] };
        return (criterion, since, isCr ? latest.Date : null);
    }

    // (2) every marker positive at baseline back to normal.
    private static (Criterion, DateOnly?) MarkerCriterion(CcrInputs inputs, ClinicalRuleSet r)
    {
        var parts = new List<(string Name, CriterionOutcome Outcome, DateOnly? Since, EvidenceRef? Evidence, string Observed)>();
        if (inputs.BaselineAfp.NanogramsPerMillilitre > r.AfpUpperLimitOfNormalNanogramsPerMillilitre)
        {
            parts.Add(Marker("AFP", (inputs.AfpMeasurements ?? []).Select(m => (m.Value.NanogramsPerMillilitre, m.Evidence)),
                r.AfpUpperLimitOfNormalNanogramsPerMillilitre, "ng/mL"));
        }

        if (inputs.BaselineDcp is { } dcp && dcp.MilliArbitraryUnitsPerMillilitre > r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre)
        {
            parts.Add(Marker("DCP", (inputs.DcpMeasurements ?? []).Select(m => (m.Value.MilliArbitraryUnitsPerMillilitre, m.Evidence)),
                r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre, "mAU/mL"));
        }

        var threshold = $"AFP ≤ {Of(r.AfpUpperLimitOfNormalNanogramsPerMillilitre)} ng/mL and DCP ≤ {Of(r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre)} mAU/mL when positive at baseline";
        if (parts.Count == 0)
        {
            return (new Criterion(Id, "(2) Baseline-positive tumour markers normalised", "no marker positive at baseline", threshold,
                CriterionOutcome.Pass), null);
        }

        var outcome = parts.Any(p => p.Outcome == CriterionOutcome.Fail) ? CriterionOutcome.Fail
            : parts.Any(p => p.Outcome == CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
            : CriterionOutcome.Pass;
        var since = parts.All(p => p.Since is not null) ? parts.Max(p => p.Since) : null;
        return (new Criterion(Id, "(2) Baseline-positive tumour markers normalised", string.Join("; ", parts.Select(p => p.Observed)),
            threshold, outcome)
        { Evidence = parts.Where(p => p.Evidence is not null).Select(p => p.Evidence!).ToArray() }, since);
    }

    private static (string, CriterionOutcome, DateOnly?, EvidenceRef?, string) Marker(
        string name,
        IEnumerable<(decimal Value, EvidenceRef Evidence)> series,
        decimal upperLimit,
        string unit)
    {
        var ordered = series.OrderBy(m => m.Evidence.Date).ToArray();
        if (ordered.Length == 0)
        {
            return (name, CriterionOutcome.Unknown, null, null, $"{name} positive at baseline, not measured since");
        }

        var latest = ordered[^1];
        var normal = latest.Value <= upperLimit;
        var lastAbnormal = Array.FindLastIndex(ordered, m => m.Value > upperLimit);
        DateOnly? since = normal ? ordered[lastAbnormal + 1].Evidence.Date : null;
        return (name, Outcome(normal), since, latest.Evidence, $"{name} {Of(latest.Value)} {unit} on {Of(latest.Evidence.Date)}");
    }

    // (3) no distant metastasis on CT and on PET-CT: the latest scan of each modality must be negative.
    private static (Criterion, DateOnly?) MetastasisCriterion(IReadOnlyList<Evidenced<MetastasisScan>> scans)
    {
        var observed = new List<string>();
        var evidence = new List<EvidenceRef>();
        var outcomes = new List<CriterionOutcome>();
        DateOnly? since = null;
        foreach (var modality in Enum.GetValues<MetastasisScanModality>())
        {
            var ordered = scans.Where(s => s.Value.Modality == modality).OrderBy(s => s.Date).ToArray();
            if (ordered.Length == 0)
            {
                observed.Add($"{modality}: not done");
                outcomes.Add(CriterionOutcome.Unknown);
                continue;
            }

            var latest = ordered[^1];
            evidence.Add(latest.Evidence);
            observed.Add($"{modality} {(latest.Value.DistantMetastasis ? "positive" : "negative")} on {Of(latest.Date)}");
            outcomes.Add(Outcome(!latest.Value.DistantMetastasis));
            if (!latest.Value.DistantMetastasis)
            {
                var lastPositive = Array.FindLastIndex(ordered, s => s.Value.DistantMetastasis);
                var negativeSince = ordered[lastPositive + 1].Date;
                since = since is null || negativeSince > since ? negativeSince : since;
            }
        }

        var outcome = outcomes.Contains(CriterionOutcome.Fail) ? CriterionOutcome.Fail
            : outcomes.Contains(CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
            : CriterionOutcome.Pass;
        return (new Criterion(Id, "(3) No distant metastasis on CT and PET-CT", string.Join("; ", observed),
            "latest CT and latest PET-CT both negative", outcome)
        { Evidence = evidence }, outcome == CriterionOutcome.Pass ? since : null);
    }

    private static int MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = (to.Year - from.Year) * 12 + to.Month - from.Month;
        return from.AddMonths(months) > to ? months - 1 : months;
    }
}
