using HccPathway.Clinical.Scores;
using HccPathway.Clinical.Staging;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Staging;

public class CnlcStagingTests
{
    private static CnlcStage Stage(
        int count,
        decimal largestMm,
        bool mvi = false,
        bool ehs = false,
        int ecog = 0,
        ChildPughClass cp = ChildPughClass.A) =>
        CnlcStaging.Stage(count, LengthMm.FromMillimetres(largestMm), mvi, ehs, ecog, cp).Value;

    [Theory]
    [InlineData(49.9, CnlcStage.Ia)]
    [InlineData(50.0, CnlcStage.Ia)]
    [InlineData(50.1, CnlcStage.Ib)]
    public void STAGE_CNLC_single_tumour_5_cm_boundary(decimal mm, CnlcStage stage) => Assert.Equal(stage, Stage(1, mm));

    [Theory]
    [InlineData(2, 29.9, CnlcStage.Ib)]
    [InlineData(2, 30.0, CnlcStage.Ib)]
    [InlineData(2, 30.1, CnlcStage.IIa)]
    [InlineData(3, 30.0, CnlcStage.Ib)]
    [InlineData(3, 30.1, CnlcStage.IIa)]
    public void STAGE_CNLC_two_or_three_tumours_3_cm_boundary(int count, decimal mm, CnlcStage stage) =>
        Assert.Equal(stage, Stage(count, mm));

    [Theory]
    [InlineData(3, CnlcStage.Ib)]
    [InlineData(4, CnlcStage.IIb)]
    [InlineData(12, CnlcStage.IIb)]
    public void STAGE_CNLC_four_or_more_tumours_is_IIb_whatever_the_size(int count, CnlcStage stage) =>
        Assert.Equal(stage, Stage(count, 20m));

    [Fact]
    public void STAGE_CNLC_macrovascular_invasion_is_IIIa() => Assert.Equal(CnlcStage.IIIa, Stage(1, 20m, mvi: true));

    [Fact]
    public void STAGE_CNLC_extrahepatic_spread_is_IIIb_with_or_without_vascular_invasion()
    {
        Assert.Equal(CnlcStage.IIIb, Stage(1, 20m, ehs: true));
        Assert.Equal(CnlcStage.IIIb, Stage(5, 90m, mvi: true, ehs: true));
    }

    [Theory]
    [InlineData(2, ChildPughClass.B, CnlcStage.Ia)]
    [InlineData(3, ChildPughClass.A, CnlcStage.IV)]
    [InlineData(4, ChildPughClass.A, CnlcStage.IV)]
    [InlineData(0, ChildPughClass.C, CnlcStage.IV)]
    public void STAGE_CNLC_ecog_3_or_child_pugh_C_is_IV(int ecog, ChildPughClass cp, CnlcStage stage) =>
        Assert.Equal(stage, Stage(1, 20m, ecog: ecog, cp: cp));

    [Fact]
    public void STAGE_CNLC_IV_outranks_extrahepatic_spread() =>
        Assert.Equal(CnlcStage.IV, Stage(1, 20m, ehs: true, cp: ChildPughClass.C));

    [Theory]
    [InlineData(0, 20, 0, "tumourCount")]
    [InlineData(1, -1, 0, "largestTumourMillimetres")]
    [InlineData(1, 20, 5, "ecog")]
    [InlineData(1, 20, -1, "ecog")]
    public void STAGE_CNLC_rejects_impossible_inputs(int count, decimal mm, int ecog, string field) =>
        Assert.Equal(field, Assert.Single(CnlcStaging.Stage(count, LengthMm.FromMillimetres(mm), false, false, ecog, ChildPughClass.A).Errors).Field);
}

public class PvttClassificationTests
{
    [Fact]
    public void STAGE_PVTT_cheng_to_vp_mapping()
    {
        Assert.Equal([JapaneseVpGrade.Vp1, JapaneseVpGrade.Vp2], PvttClassification.ToVp(PvttType.ChengI));
        Assert.Equal([JapaneseVpGrade.Vp3], PvttClassification.ToVp(PvttType.ChengII));
        Assert.Equal([JapaneseVpGrade.Vp4], PvttClassification.ToVp(PvttType.ChengIII));
        Assert.Empty(PvttClassification.ToVp(PvttType.ChengIV));
    }

    [Theory]
    [InlineData(JapaneseVpGrade.Vp1, PvttType.ChengI)]
    [InlineData(JapaneseVpGrade.Vp2, PvttType.ChengI)]
    [InlineData(JapaneseVpGrade.Vp3, PvttType.ChengII)]
    [InlineData(JapaneseVpGrade.Vp4, PvttType.ChengIII)]
    public void STAGE_PVTT_vp_to_cheng_mapping(JapaneseVpGrade vp, PvttType cheng) =>
        Assert.Equal(cheng, PvttClassification.FromVp(vp));

    [Fact]
    public void STAGE_PVTT_mapping_round_trips_for_every_vp_grade()
    {
        foreach (var vp in Enum.GetValues<JapaneseVpGrade>())
        {
            Assert.Contains(vp, PvttClassification.ToVp(PvttClassification.FromVp(vp)));
        }
    }

    [Theory]
    [InlineData(PvttType.ChengI, false)]
    [InlineData(PvttType.ChengII, false)]
    [InlineData(PvttType.ChengIII, true)]
    [InlineData(PvttType.ChengIV, true)]
    public void STAGE_PVTT_grade_3_to_4_means_cheng_III_or_IV(PvttType type, bool highGrade) =>
        Assert.Equal(highGrade, PvttClassification.IsGradeThreeOrFour(type));
}
