namespace HccPathway.Clinical.Staging;

/// <summary>STAGE-PVTT: mapping between Cheng types and Japanese Vp grades (an approximation; the systems differ).</summary>
public static class PvttClassification
{
    /// <summary>
    /// Cheng I ≈ Vp1–2, II ≈ Vp3, III ≈ Vp4. Cheng IV (superior mesenteric vein) has no Vp equivalent: empty list.
    /// </summary>
    public static IReadOnlyList<JapaneseVpGrade> ToVp(PvttType type) => type switch
    {
        PvttType.ChengI => [JapaneseVpGrade.Vp1, JapaneseVpGrade.Vp2],
        PvttType.ChengII => [JapaneseVpGrade.Vp3],
        PvttType.ChengIII => [JapaneseVpGrade.Vp4],
        _ => [],
    };

    /// <summary>Vp1–2 → Cheng I, Vp3 → II, Vp4 → III. A Vp grade never maps to Cheng IV (it does not reach the SMV).</summary>
    public static PvttType FromVp(JapaneseVpGrade grade) => grade switch
    {
        JapaneseVpGrade.Vp1 or JapaneseVpGrade.Vp2 => PvttType.ChengI,
        JapaneseVpGrade.Vp3 => PvttType.ChengII,
        _ => PvttType.ChengIII,
    };

    /// <summary>STAGE-PVTT / ELIG-2: "PVTT grade 3–4" in the review means Cheng III–IV.</summary>
    public static bool IsGradeThreeOrFour(PvttType type) => type is PvttType.ChengIII or PvttType.ChengIV;
}
