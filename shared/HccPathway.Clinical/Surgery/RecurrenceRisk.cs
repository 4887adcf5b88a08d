using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Units;
using static HccPathway.Clinical.Rules.CriterionText;

namespace HccPathway.Clinical.Surgery;

/// <summary>Edmondson–Steiner differentiation grade.</summary>
public enum EdmondsonGrade
{
    I = 1,
    II = 2,
    III = 3,
    IV = 4,
}

/// <summary>SURG-RISK overall level. Indeterminate: no factor present but some unknown.</summary>
public enum RecurrenceRiskLevel
{
    High,
    NotHigh,
    Indeterminate,
}

/// <summary>SURG-RISK inputs from pathology and postoperative follow-up; null means not known.</summary>
public sealed record RecurrenceRiskFactors
{
    public int? TumourCount { get; init; }
    public LengthMm? LargestTumour { get; init; }
    public EdmondsonGrade? Edmondson { get; init; }
    public bool? MicrovascularInvasion { get; init; }
    public bool? MacrovascularInvasion { get; init; }
    public bool? LymphNodeMetastasis { get; init; }
    public LengthMm? MarginWidth { get; init; }

    /// <summary>Postoperative AFP values in time order.</summary>
    public IReadOnlyList<AfpNgPerMl> PostoperativeAfp { get; init; } = [];

    /// <summary>Postoperative DCP values in time order.</summary>
    public IReadOnlyList<DcpMauPerMl> PostoperativeDcp { get; init; } = [];
}

/// <summary>SURG-RISK result. A factor's criterion passes when the risk factor is present.</summary>
public sealed record RecurrenceRiskAssessment(RecurrenceRiskLevel Level, IReadOnlyList<Criterion> Factors, string RuleSetVersion);

/// <summary>
/// SURG-RISK (review): high recurrence risk with any of multiple tumours, tumour &gt; 5 cm, Edmondson III–IV,
/// micro- or macrovascular invasion, lymph-node metastasis, margin ≤ 1 cm, or persistently abnormal AFP/DCP.
/// </summary>
public static class RecurrenceRisk
{
    private const string Id = "SURG-RISK";

    // SURG-RISK: published limits from the review, not configurable.
    public const decimal LargeTumourAboveMillimetres = 50m;
    public const decimal NarrowMarginAtMostMillimetres = 10m;

    public static Validated<RecurrenceRiskAssessment> Assess(RecurrenceRiskFactors f, ClinicalRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var e = new ErrorCollector();
        if (f.TumourCount is { } count)
        {
            e.InRange(count, PlausibleRanges.TumourCount, "tumourCount");
        }

        if (f.LargestTumour is { } largest)
        {
            e.InRange(largest.Millimetres, PlausibleRanges.TumourDiameterMillimetres, "largestTumourMillimetres");
        }

        if (f.Edmondson is { } grade)
        {
            e.CheckEnum(grade, "edmondsonGrade");
        }

        if (f.MarginWidth is { } margin)
        {
            e.InRange(margin.Millimetres, PlausibleRanges.ResectionMarginMillimetres, "marginMillimetres");
        }

        for (var i = 0; i < f.PostoperativeAfp.Count; i++)
        {
            e.Check(f.PostoperativeAfp[i], $"postoperativeAfp[{i}]");
        }

        for (var i = 0; i < f.PostoperativeDcp.Count; i++)
        {
            e.Check(f.PostoperativeDcp[i], $"postoperativeDcp[{i}]");
        }

        return e.Result(() => Compute(f, ruleSet));
    }

    private static RecurrenceRiskAssessment Compute(RecurrenceRiskFactors f, ClinicalRuleSet r)
    {
        static Criterion Factor(string name, string? observed, bool? present, string threshold) =>
            new(Id, name, observed ?? "unknown", threshold,
                present is null ? CriterionOutcome.Unknown : Outcome(present.Value));

        var markers = MarkersPersistentlyAbnormal(f, r);
        var factors = new[]
        {
            Factor("Multiple tumours", f.TumourCount is { } n ? Of(n) : null, f.TumourCount > 1, "> 1 tumour"),
            Factor("Tumour > 5 cm", f.LargestTumour is { } t ? Of(t.Millimetres) + " mm" : null,
                f.LargestTumour is { } t2 ? t2.Millimetres > LargeTumourAboveMillimetres : null, "> 50 mm"),
            Factor("Edmondson III–IV", f.Edmondson?.ToString(), f.Edmondson is { } g ? g >= EdmondsonGrade.III : null, "grade III or IV"),
            Factor("Micro- or macrovascular invasion",
                f.MicrovascularInvasion is null && f.MacrovascularInvasion is null ? null
                    : $"microvascular {Describe(f.MicrovascularInvasion)}, macrovascular {Describe(f.MacrovascularInvasion)}",
                f.MicrovascularInvasion == true || f.MacrovascularInvasion == true ? true
                    : f.MicrovascularInvasion == false && f.MacrovascularInvasion == false ? false : null,
                "either present"),
            Factor("Lymph-node metastasis", f.LymphNodeMetastasis is { } ln ? Of(ln) : null, f.LymphNodeMetastasis, "present"),
            Factor("Margin ≤ 1 cm", f.MarginWidth is { } m ? Of(m.Millimetres) + " mm" : null,
                f.MarginWidth is { } m2 ? m2.Millimetres <= NarrowMarginAtMostMillimetres : null, "≤ 10 mm"),
            Factor("Persistently abnormal AFP/DCP", markers.Observed, markers.Present,
                $"every postoperative AFP > {Of(r.AfpUpperLimitOfNormalNanogramsPerMillilitre)} ng/mL or DCP > {Of(r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre)} mAU/mL"),
        };

        var level = factors.Any(c => c.Passed) ? RecurrenceRiskLevel.High
            : factors.Any(c => c.Outcome == CriterionOutcome.Unknown) ? RecurrenceRiskLevel.Indeterminate
            : RecurrenceRiskLevel.NotHigh;
        return new RecurrenceRiskAssessment(level, factors, r.Version);
    }

    private static string Describe(bool? value) => value is null ? "unknown" : Of(value.Value);

    // "Persistently abnormal": at least one postoperative value of a marker, and every one of them above normal.
    private static (string? Observed, bool? Present) MarkersPersistentlyAbnormal(RecurrenceRiskFactors f, ClinicalRuleSet r)
    {
        if (f.PostoperativeAfp.Count == 0 && f.PostoperativeDcp.Count == 0)
        {
            return (null, null);
        }

        var afp = f.PostoperativeAfp.Count > 0 && f.PostoperativeAfp.All(a => a.NanogramsPerMillilitre > r.AfpUpperLimitOfNormalNanogramsPerMillilitre);
        var dcp = f.PostoperativeDcp.Count > 0 && f.PostoperativeDcp.All(d => d.MilliArbitraryUnitsPerMillilitre > r.DcpUpperLimitOfNormalMilliArbitraryUnitsPerMillilitre);
        var observed = $"AFP {(f.PostoperativeAfp.Count == 0 ? "not measured" : string.Join(", ", f.PostoperativeAfp.Select(a => Of(a.NanogramsPerMillilitre))))}; " +
                       $"DCP {(f.PostoperativeDcp.Count == 0 ? "not measured" : string.Join(", ", f.PostoperativeDcp.Select(d => Of(d.MilliArbitraryUnitsPerMillilitre))))}";
        return (observed, afp || dcp);
    }
}
