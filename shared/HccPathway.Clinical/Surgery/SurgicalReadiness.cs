using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Surgery;

/// <summary>SURG-READY (review; Chinese consensus [22]): resection may be considered only when all six criteria hold.</summary>
public static class SurgicalReadiness
{
    private const string Id = "SURG-READY";

    public static Validated<ReadinessDecision> Evaluate(ReadinessInputs inputs, DateOnly today, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        Validate(e, inputs, today);
        return e.Result(() =>
        {
            var criteria = new[]
            {
                Response(inputs, today, ruleSet),
                R0(inputs, today, ruleSet),
                Flr(inputs, today, ruleSet),
                LiverFunctionAndPerformance(inputs, today, ruleSet),
                NoExtrahepaticDisease(inputs, today, ruleSet),
                AdverseEventsResolved(inputs, today, ruleSet),
            };
            return new ReadinessDecision(criteria.All(c => c.Passed), criteria, today, ruleSet.Version);
        });
    }

    private static void Validate(ErrorCollector e, ReadinessInputs i, DateOnly today)
    {
        void NotFuture(EvidenceRef? evidence, string field)
        {
            if (evidence is not null)
            {
                e.Require(evidence.Date <= today, field + ".date", $"Evidence dated {Of(evidence.Date)} is in the future.", "on or before " + Of(today));
            }
        }

        e.Require(i.TreatmentStart <= today, "treatmentStart", "Treatment start is in the future.", "on or before " + Of(today));
        for (var n = 0; n < i.MrecistAssessments.Count; n++)
        {
            NotFuture(i.MrecistAssessments[n].Evidence, $"mrecistAssessments[{n}]");
            e.Require(i.MrecistAssessments[n].Date >= i.TreatmentStart, $"mrecistAssessments[{n}].date",
                "An on-treatment assessment cannot precede the treatment start.", "on or after " + Of(i.TreatmentStart));
        }

        NotFuture(i.R0ResectionFeasible?.Evidence, "r0ResectionFeasible");
        NotFuture(i.FlrToSlvRatio?.Evidence, "flrToSlvRatio");
        NotFuture(i.ChildPughScore?.Evidence, "childPughScore");
        NotFuture(i.IcgR15?.Evidence, "icgR15Percent");
        NotFuture(i.Ecog?.Evidence, "ecog");
        NotFuture(i.ExtrahepaticDisease?.Evidence, "extrahepaticDisease");
        NotFuture(i.OtherContraindication?.Evidence, "otherContraindication");
        if (i.FlrToSlvRatio is { } flr)
        {
            e.Require(double.IsFinite(flr.Value) && flr.Value is > 0 and <= 3, "flrToSlvRatio", "FLR/SLV must be a positive fraction.", "0–3 (fraction)");
        }

        if (i.ChildPughScore is { } cp)
        {
            e.InRange(cp.Value, new PlausibleRange(5m, 15m, "points"), "childPughScore");
        }

        if (i.IcgR15 is { } icg)
        {
            e.Check(icg.Value);
        }

        if (i.Ecog is { } ecog)
        {
            e.InRange(ecog.Value, PlausibleRanges.Ecog, "ecog");
        }

        for (var n = 0; n < i.AdverseEvents.Count; n++)
        {
            AdverseEventSemantics.Validate(e, i.AdverseEvents[n], $"adverseEvents[{n}]");
        }
    }

    private static bool IsStale(EvidenceRef evidence, DateOnly today, ClinicalRuleSet r) =>
        evidence.Date < today.AddDays(-r.ReadinessMaximumEvidenceAgeDays);

    private static string StaleNote(EvidenceRef evidence, ClinicalRuleSet r) =>
        $"stale: recorded {Of(evidence.Date)}, older than {Of(r.ReadinessMaximumEvidenceAgeDays)} days";

    // (1) mRECIST PR or CR, or SD maintained for the configured months (review: 3–4).
    private static Criterion Response(ReadinessInputs i, DateOnly today, ClinicalRuleSet r)
    {
        const string name = "(1) Tumour response (mRECIST)";
        var threshold = $"PR or CR, or SD maintained ≥ {Of(r.StableDiseaseMinimumMonths)} months";
        if (i.MrecistAssessments.Count == 0)
        {
            return new Criterion(Id, name, "no assessment", threshold, CriterionOutcome.Unknown) { Note = "missing" };
        }

        var ordered = i.MrecistAssessments.OrderBy(a => a.Date).ToArray();
        var latest = ordered[^1];
        var evidence = new[] { latest.Evidence };
        if (IsStale(latest.Evidence, today, r))
        {
            return new Criterion(Id, name, $"{latest.Value} on {Of(latest.Date)}", threshold, CriterionOutcome.Unknown)
            { Evidence = evidence, Note = StaleNote(latest.Evidence, r) };
        }

        switch (latest.Value)
        {
            case ResponseCategory.CompleteResponse or ResponseCategory.PartialResponse:
                return new Criterion(Id, name, $"{latest.Value} on {Of(latest.Date)}", threshold, CriterionOutcome.Pass) { Evidence = evidence };
            case ResponseCategory.StableDisease:
                // SD is counted from the start of treatment, as RECIST counts it, and must not have been interrupted by PD.
                var progressed = ordered.Any(a => a.Value == ResponseCategory.ProgressiveDisease);
                var maintained = !progressed && latest.Date >= i.TreatmentStart.AddMonths(r.StableDiseaseMinimumMonths);
                return new Criterion(Id, name,
                    $"SD on {Of(latest.Date)}, treatment since {Of(i.TreatmentStart)}{(progressed ? ", progression recorded before" : "")}",
                    threshold, Outcome(maintained))
                { Evidence = ordered.Select(a => a.Evidence).ToArray() };
            case ResponseCategory.ProgressiveDisease:
                return new Criterion(Id, name, $"PD on {Of(latest.Date)}", threshold, CriterionOutcome.Fail) { Evidence = evidence };
            default:
                return new Criterion(Id, name, $"not evaluable on {Of(latest.Date)}", threshold, CriterionOutcome.Unknown) { Evidence = evidence };
        }
    }

    private static Criterion Simple<T>(
        string name,
        Evidenced<T>? value,
        string threshold,
        Func<T, bool> pass,
        Func<T, string> describe,
        DateOnly today,
        ClinicalRuleSet r)
    {
        if (value is null)
        {
            return new Criterion(Id, name, "not recorded", threshold, CriterionOutcome.Unknown) { Note = "missing" };
        }

        var observed = describe(value.Value);
        return IsStale(value.Evidence, today, r)
            ? new Criterion(Id, name, observed, threshold, CriterionOutcome.Unknown) { Evidence = [value.Evidence], Note = StaleNote(value.Evidence, r) }
            : new Criterion(Id, name, observed, threshold, Outcome(pass(value.Value))) { Evidence = [value.Evidence] };
    }

    // (2) R0 resection feasible, recorded by the surgeon.
    private static Criterion R0(ReadinessInputs i, DateOnly today, ClinicalRuleSet r) =>
        Simple("(2) R0 resection feasible (surgeon)", i.R0ResectionFeasible, "feasible", v => v, v => v ? "feasible" : "not feasible", today, r);

    // (3) FLR ≥ 40 % of SLV (rounded to 4 decimals of a percent so floating-point noise cannot flip the boundary).
    private static Criterion Flr(ReadinessInputs i, DateOnly today, ClinicalRuleSet r)
    {
        var c = Simple("(3) FLR / SLV", i.FlrToSlvRatio, $"≥ {Of(r.ReadinessMinimumFlrPercentOfSlv)} %",
            v => Percent(v) >= r.ReadinessMinimumFlrPercentOfSlv, v => Of(Math.Round(Percent(v), 1)) + " %", today, r);
        return i.FlrToSlvRatio is { } flr ? c with { ObservedValue = Percent(flr.Value), Unit = "%" } : c;
    }

    private static decimal Percent(double ratio) => Math.Round((decimal)ratio * 100m, 4);

    // (4) Child–Pugh ≤ 7, ICG-R15 ≤ 20 %, ECOG 0–1: all three must pass and be current.
    private static Criterion LiverFunctionAndPerformance(ReadinessInputs i, DateOnly today, ClinicalRuleSet r)
    {
        var parts = new[]
        {
            Simple("Child–Pugh", i.ChildPughScore, "", v => v <= r.ReadinessMaximumChildPughScore, v => $"Child–Pugh {Of(v)}", today, r),
            Simple("ICG-R15", i.IcgR15, "", v => v.Percent <= r.ReadinessMaximumIcgR15Percent, v => $"ICG-R15 {Of(v.Percent)} %", today, r),
            Simple("ECOG", i.Ecog, "", v => v <= r.ReadinessMaximumEcog, v => $"ECOG {Of(v)}", today, r),
        };
        return Combine("(4) Liver function and performance status", parts,
            $"Child–Pugh ≤ {Of(r.ReadinessMaximumChildPughScore)}, ICG-R15 ≤ {Of(r.ReadinessMaximumIcgR15Percent)} %, ECOG ≤ {Of(r.ReadinessMaximumEcog)}");
    }

    // (5) No extrahepatic disease and no other contraindication.
    private static Criterion NoExtrahepaticDisease(ReadinessInputs i, DateOnly today, ClinicalRuleSet r)
    {
        var parts = new[]
        {
            Simple("Extrahepatic disease", i.ExtrahepaticDisease, "", v => !v, v => v ? "extrahepatic disease present" : "no extrahepatic disease", today, r),
            Simple("Other contraindication", i.OtherContraindication, "", v => !v, v => v ? "other contraindication" : "no other contraindication", today, r),
        };
        return Combine("(5) No extrahepatic disease or other contraindication", parts, "none");
    }

    private static Criterion Combine(string name, IReadOnlyList<Criterion> parts, string threshold)
    {
        var outcome = parts.Any(p => p.Outcome == CriterionOutcome.Fail) ? CriterionOutcome.Fail
            : parts.Any(p => p.Outcome == CriterionOutcome.Unknown) ? CriterionOutcome.Unknown
            : CriterionOutcome.Pass;
        var notes = parts.Where(p => p.Note is not null).Select(p => $"{p.Name}: {p.Note}").ToArray();
        return new Criterion(Id, name, string.Join("; ", parts.Select(p => p.Observed)), threshold, outcome)
        {
            Evidence = parts.SelectMany(p => p.Evidence).ToArray(),
            Note = notes.Length == 0 ? null : string.Join("; ", notes),
        };
    }

    // (6) Every treatment-related AE back to grade ≤ 1 (RESP-AE). An AE keeps its last grade until regraded.
    private static Criterion AdverseEventsResolved(ReadinessInputs i, DateOnly today, ClinicalRuleSet r)
    {
        var related = i.AdverseEvents.Where(a => a.TreatmentRelated).ToArray();
        var threshold = $"every treatment-related AE at grade ≤ {Of(r.AdverseEventResolvedMaximumGrade)}";
        if (related.Length == 0)
        {
            return new Criterion(Id, "(6) Treatment-related adverse events resolved", "none recorded", threshold, CriterionOutcome.Pass);
        }

        var latest = related.Select(a => (Event: a, Grading: AdverseEventSemantics.LatestOnOrBefore(a, today))).ToArray();
        var unresolved = latest.Where(x => x.Grading is null || !AdverseEventSemantics.IsResolvedGrade(x.Grading.Grade, r)).ToArray();
        var observed = string.Join("; ", latest.Select(x => $"{x.Event.Term} grade {(x.Grading is null ? "?" : Of(x.Grading.Grade))}"));
        return new Criterion(Id, "(6) Treatment-related adverse events resolved", observed, threshold, Outcome(unresolved.Length == 0))
        {
            Evidence = latest.Where(x => x.Grading is not null)
                .Select(x => new EvidenceRef(x.Grading!.EvidenceEventId ?? x.Event.Id, x.Grading.Date)).ToArray(),
        };
    }
}
