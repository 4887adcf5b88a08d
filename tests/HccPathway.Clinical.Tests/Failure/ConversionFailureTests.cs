using HccPathway.Clinical.Failure;
using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Tests.Failure;

public class ConversionFailureTests
{
    private static readonly RegimenComponent[] LenTap = [RegimenComponent.Lenvatinib, RegimenComponent.Tace, RegimenComponent.Camrelizumab];

    private static FailureSuggestions Suggest(ProgressionPattern p = ProgressionPattern.NoProgression, bool intolerance = false,
        bool liver = false, bool flr = false, RegimenComponent[]? regimen = null) =>
        ConversionFailure.Suggest(new ConversionFailureContext(p, intolerance, liver, flr, regimen ?? LenTap), ClinicalRuleSet.Default);

    [Theory]
    [InlineData(ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic, "TACE")]
    [InlineData(ProgressionPattern.NewLesionWithOthersStable, "RFA of the new lesion")]
    [InlineData(ProgressionPattern.IntraAndExtrahepaticProgression, "TKI")]
    public void FAIL_1_suggestion_by_progression_pattern(ProgressionPattern pattern, string option)
    {
        var s = Assert.Single(Suggest(pattern).Suggestions);
        Assert.Equal(("FAIL-1", FailureMode.Progression), (s.RuleId, s.Mode));
        Assert.Contains(option, s.Options);
    }

    [Fact]
    public void FAIL_1_a_offers_tace_or_haic_and_c_offers_three_mechanisms()
    {
        Assert.Equal(["TACE", "HAIC"], Suggest(ProgressionPattern.IntrahepaticGrowthWithStableExtrahepatic).Suggestions[0].Options);
        Assert.Equal(["TKI", "ICI", "systemic chemotherapy"], Suggest(ProgressionPattern.IntraAndExtrahepaticProgression).Suggestions[0].Options);
    }

    [Fact]
    public void FAIL_1_no_progression_no_suggestion() => Assert.Empty(Suggest().Suggestions);

    [Fact]
    public void FAIL_2_intolerance_downgrades_len_tap_to_anti_angiogenic_plus_ici_or_monotherapy()
    {
        var s = Assert.Single(Suggest(intolerance: true).Suggestions);
        Assert.Equal("FAIL-2", s.RuleId);
        Assert.Equal(2, s.Options.Count);
        Assert.StartsWith("anti-angiogenic + ICI", s.Options[0], StringComparison.Ordinal);
        var fromDoublet = Assert.Single(Suggest(intolerance: true, regimen: [RegimenComponent.Lenvatinib, RegimenComponent.Camrelizumab]).Suggestions);
        Assert.StartsWith("monotherapy", Assert.Single(fromDoublet.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void FAIL_3_worsening_liver_disease_suggests_supportive_care() =>
        Assert.Equal("FAIL-3", Assert.Single(Suggest(liver: true).Suggestions).RuleId);

    [Fact]
    public void FAIL_4_insufficient_flr_growth_goes_to_the_mdt() =>
        Assert.Equal(("FAIL-4", FailureMode.InsufficientFlrGrowth), (Assert.Single(Suggest(flr: true).Suggestions).RuleId, Suggest(flr: true).Suggestions[0].Mode));

    [Theory]
    [InlineData(0.399, true)]
    [InlineData(0.40, false)]
    [InlineData(0.41, false)]
    public void FAIL_4_flr_growth_insufficient_below_40_percent(double ratio, bool insufficient) =>
        Assert.Equal(insufficient, ConversionFailure.IsFlrGrowthInsufficient(ratio, ClinicalRuleSet.Default));

    [Fact]
    public void FAIL_1_to_4_combine_and_always_carry_follow_up_and_version()
    {
        var all = Suggest(ProgressionPattern.NewLesionWithOthersStable, intolerance: true, liver: true, flr: true);
        Assert.Equal(["FAIL-1", "FAIL-2", "FAIL-3", "FAIL-4"], all.Suggestions.Select(s => s.RuleId));
        Assert.Equal("SCHED-FU: imaging every 4–6 weeks.", all.FollowUp);
        Assert.Equal("2026.2", all.RuleSetVersion);
    }
}
