namespace HccPathway.SurgeryPlanning.Benchmark;

/// <summary>One published cohort (docs/clinical-rules.md section 8: the review's Table 2 and text). Percentages; null when not reported.</summary>
public sealed record PublishedCohort(
    string Protocol,
    string Reference,
    string Patients,
    decimal? OrrRecistPercent,
    decimal? OrrMrecistPercent,
    string? OrrNote,
    decimal? ConversionResectionPercent,
    string? ConversionResectionNote,
    decimal? DcrPercent,
    decimal? R0Percent,
    decimal? PcrPercent,
    decimal? MprPercent,
    decimal? GradeThreeTraePercent);

public static class PublishedOutcomes
{
    /// <summary>As printed in the specification; criteria not named there are left in <see cref="PublishedCohort.OrrNote"/>.</summary>
    public static IReadOnlyList<PublishedCohort> All { get; } =
    [
        new("TACE + lenvatinib + camrelizumab", "[68]", "55", null, null, "76.4 % (criteria not stated)", 54.5m, null, null, 96.6m, null, null, null),
        new("LEN + TACE + PD-1 inhibitor (vs TACE: ORR 16.9 %, conversion 15.5 %)", "[72]", "71 vs 71", null, 78.9m, null, 50.7m, null, null, null, null, null, null),
        new("TACE + camrelizumab + lenvatinib", "[74]", "55", null, null, "72.0 % (criteria not stated)", 55.3m, null, null, null, 23.1m, 69.2m, null),
        new("Single-centre real world", "[67]", "26", 42.3m, 76.9m, null, null, "23 resected", 100m, null, 39.1m, null, 50m),
        new("Meta-analysis, AATD + ICI + local therapy", "[66]", "24 studies", null, null, "73 % (pooled)", 33m, null, null, null, null, null, 40m),
    ];
}
