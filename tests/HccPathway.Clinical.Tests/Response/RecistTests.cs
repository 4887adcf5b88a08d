using HccPathway.Clinical.Response;
using static HccPathway.Clinical.Tests.Response.Series;

namespace HccPathway.Clinical.Tests.Response;

public class RecistTests
{
    private static IReadOnlyList<ResponseAssessment> Assess(ResponseSeries s) => Recist11.Assess(s).Value;

    private static ResponseCategory Last(ResponseSeries s) => Assess(s)[^1].Category;

    [Theory]
    [InlineData(69, ResponseCategory.PartialResponse)]
    [InlineData(70, ResponseCategory.PartialResponse)]   // exactly −30 %
    [InlineData(71, ResponseCategory.StableDisease)]     // −29 %
    public void RESP_RECIST_PR_at_exactly_minus_30_percent(decimal followUpSum, ResponseCategory expected)
    {
        // Baseline 60 + 40 = 100 mm; follow-up L1 = sum − 40, L2 = 40.
        var s = Of([Liver("L1"), Liver("L2")], Study(0, M("L1", 60m), M("L2", 40m)), Study(42, M("L1", followUpSum - 40m), M("L2", 40m)));
        var a = Assess(s)[0];
        Assert.Equal(expected, a.Category);
        Assert.Equal(followUpSum - 100m, a.PercentChangeFromBaseline);
    }

    [Fact]
    public void RESP_RECIST_PD_needs_20_percent_and_5_mm_4_mm_is_not_enough()
    {
        // Nadir (baseline) 20 mm → 24 mm: +20 % but only +4 mm → SD.
        Assert.Equal(ResponseCategory.StableDisease, Last(Single(20m, 24m)));
    }

    [Fact]
    public void RESP_RECIST_PD_at_20_percent_with_5_mm()
    {
        // Nadir 25 mm → 30 mm: +20 % and +5 mm → PD.
        var a = Assess(Single(25m, 30m))[0];
        Assert.Equal(ResponseCategory.ProgressiveDisease, a.Category);
        Assert.Equal(20m, a.PercentChangeFromNadir);
    }

    [Theory]
    [InlineData(59.9, ResponseCategory.StableDisease)]      // +19.8 %, 9.9 mm
    [InlineData(60.0, ResponseCategory.ProgressiveDisease)] // +20 %, 10 mm
    [InlineData(60.1, ResponseCategory.ProgressiveDisease)]
    public void RESP_RECIST_PD_20_percent_boundary_when_5_mm_is_met(decimal followUp, ResponseCategory expected) =>
        Assert.Equal(expected, Last(Single(50m, followUp)));

    [Fact]
    public void RESP_RECIST_PD_is_measured_from_the_nadir_not_the_baseline()
    {
        // Baseline 100, then 50 (PR, new nadir), then 60: +20 % and +10 mm above the nadir → PD, though 40 % below baseline.
        var s = Of([Liver("L1")], Study(0, M("L1", 100m)), Study(42, M("L1", 50m)), Study(84, M("L1", 60m)));
        var results = Assess(s);
        Assert.Equal([ResponseCategory.PartialResponse, ResponseCategory.ProgressiveDisease], results.Select(r => r.Category));
        Assert.Equal((50m, -40m), (results[1].NadirSumMillimetres!.Value, results[1].PercentChangeFromBaseline!.Value));
    }

    [Fact]
    public void RESP_RECIST_follow_ups_are_assessed_in_date_order()
    {
        var s = Of([Liver("L1")], Study(0, M("L1", 100m)), Study(84, M("L1", 60m)), Study(42, M("L1", 50m)));
        Assert.Equal(["s42", "s84"], Assess(s).Select(r => r.StudyId));
    }

    [Theory]
    [InlineData(9.9, ResponseCategory.CompleteResponse)]
    [InlineData(10.0, ResponseCategory.PartialResponse)]
    public void RESP_RECIST_CR_needs_targets_gone_and_nodes_below_10_mm(decimal nodeShortAxis, ResponseCategory expected)
    {
        // Baseline liver 30 + node 20 = 50; follow-up liver 0 + node: CR only when the node is < 10 mm.
        var s = Of([Liver("L1"), Node("N1")], Study(0, M("L1", 30m), M("N1", 20m)), Study(42, M("L1", 0m), M("N1", nodeShortAxis)));
        Assert.Equal(expected, Last(s));
    }

    [Fact]
    public void RESP_RECIST_CR_of_targets_with_persisting_non_target_disease_is_PR()
    {
        var s = Of([Liver("L1")], Study(0, M("L1", 30m)), Study(42, M("L1", 0m)) with { NonTarget = NonTargetStatus.Present });
        Assert.Equal(ResponseCategory.PartialResponse, Last(s));
    }

    [Fact]
    public void RESP_RECIST_any_new_lesion_is_PD_even_with_shrinking_targets()
    {
        var s = Of([Liver("L1")], Study(0, M("L1", 30m)), Study(42, M("L1", 0m)) with { NewLesion = true });
        var a = Assess(s)[0];
        Assert.Equal((ResponseCategory.ProgressiveDisease, "new lesion"), (a.Category, a.Reason));
    }

    [Fact]
    public void RESP_RECIST_unequivocal_non_target_progression_is_PD() =>
        Assert.Equal(ResponseCategory.ProgressiveDisease,
            Last(Of([Liver("L1")], Study(0, M("L1", 30m)), Study(42, M("L1", 30m)) with { NonTarget = NonTargetStatus.UnequivocalProgression })));

    [Fact]
    public void RESP_RECIST_missing_target_measurement_is_not_evaluable_and_does_not_move_the_nadir()
    {
        var s = Of([Liver("L1"), Liver("L2")], Study(0, M("L1", 30m), M("L2", 20m)), Study(42, M("L1", 10m)),
            Study(84, M("L1", 30m), M("L2", 20m)));
        var results = Assess(s);
        Assert.Equal(ResponseCategory.NotEvaluable, results[0].Category);
        Assert.Null(results[0].SumMillimetres);
        Assert.Equal(50m, results[1].NadirSumMillimetres);
    }

    [Fact]
    public void RESP_RECIST_reappearance_after_CR_is_PD_from_a_zero_nadir()
    {
        var s = Of([Liver("L1")], Study(0, M("L1", 30m)), Study(42, M("L1", 0m)), Study(84, M("L1", 5m)));
        Assert.Equal([ResponseCategory.CompleteResponse, ResponseCategory.ProgressiveDisease], Assess(s).Select(r => r.Category));
    }

    [Fact]
    public void RESP_RECIST_rejects_more_than_5_targets_and_more_than_2_per_organ()
    {
        var lesions = Enumerable.Range(1, 6).Select(i => new TargetLesion($"L{i}", i <= 3 ? "liver" : $"organ{i}")).ToArray();
        var baseline = Study(0, lesions.Select(l => M(l.LesionId, 20m)).ToArray());
        var errors = Recist11.Assess(Of(lesions, baseline)).Errors;
        Assert.Equal(["targetLesions", "targetLesions"], errors.Select(e => e.Field));
        Assert.Equal(["1–5 target lesions", "at most 2 target lesions per organ"], errors.Select(e => e.AllowedRange));
    }

    [Fact]
    public void RESP_RECIST_exactly_5_targets_2_per_organ_is_accepted()
    {
        var lesions = new[] { Liver("L1"), Liver("L2"), new TargetLesion("P1", "lung"), new TargetLesion("P2", "lung"), Node("N1") };
        var baseline = Study(0, M("L1", 20m), M("L2", 20m), M("P1", 10m), M("P2", 10m), M("N1", 15m));
        Assert.True(Recist11.Assess(Of(lesions, baseline)).IsValid);
    }

    [Theory]
    [InlineData(9.9, false)]
    [InlineData(10.0, true)]
    public void RESP_RECIST_target_lesion_must_be_at_least_10_mm(decimal mm, bool valid) =>
        Assert.Equal(valid, Recist11.Assess(Of([Liver("L1")], Study(0, M("L1", mm)))).IsValid);

    [Theory]
    [InlineData(14.9, false)]
    [InlineData(15.0, true)]
    public void RESP_RECIST_target_node_short_axis_must_be_at_least_15_mm(decimal mm, bool valid) =>
        Assert.Equal(valid, Recist11.Assess(Of([Node("N1")], Study(0, M("N1", mm)))).IsValid);

    [Fact]
    public void RESP_RECIST_rejects_missing_baseline() =>
        Assert.Equal("baseline", Assert.Single(Recist11.Assess(new ResponseSeries([Liver("L1")], null, [])).Errors).Field);

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    public void RESP_RECIST_rejects_measurement_before_or_on_baseline_date(int day) =>
        Assert.Equal("followUps[0].date",
            Assert.Single(Recist11.Assess(Of([Liver("L1")], Study(0, M("L1", 20m)), Study(day, M("L1", 20m)))).Errors).Field);

    [Fact]
    public void RESP_RECIST_rejects_negative_sizes_unknown_and_unmeasured_lesions()
    {
        var s = Of([Liver("L1"), Liver("L2")], Study(0, M("L1", 20m)), Study(42, M("L1", -3m), M("X9", 10m)));
        Assert.Equal(["baseline.measurements", "followUps[0].measurements[0].diameterMillimetres", "followUps[0].measurements[1].lesionId"],
            Recist11.Assess(s).Errors.Select(e => e.Field));
    }
}

public class MrecistTests
{
    private static IReadOnlyList<ResponseAssessment> Assess(ResponseSeries s) => Mrecist.Assess(s).Value;

    [Theory]
    [InlineData(27.9, ResponseCategory.PartialResponse)]
    [InlineData(28.0, ResponseCategory.PartialResponse)]  // 40 → 28 viable: exactly −30 %
    [InlineData(28.1, ResponseCategory.StableDisease)]
    public void RESP_MRECIST_PR_at_exactly_minus_30_percent_of_viable_diameter(decimal viable, ResponseCategory expected) =>
        Assert.Equal(expected, Assess(SingleViable(40m, viable))[0].Category);

    [Fact]
    public void RESP_MRECIST_measures_viable_not_total_diameter()
    {
        // Total diameter unchanged at 60 mm (RECIST SD) but enhancing part 40 → 10 mm (−75 %): mRECIST PR.
        var s = SingleViable(40m, 10m);
        Assert.Equal(ResponseCategory.StableDisease, Recist11.Assess(s).Value[0].Category);
        var a = Assess(s)[0];
        Assert.Equal((ResponseCategory.PartialResponse, 10m, "RESP-MRECIST"), (a.Category, a.SumMillimetres!.Value, a.RuleId));
    }

    [Fact]
    public void RESP_MRECIST_PD_at_20_percent_without_the_5_mm_rule()
    {
        // Viable 20 → 24 mm: +20 % with only +4 mm → mRECIST PD (RECIST would need 5 mm).
        Assert.Equal(ResponseCategory.ProgressiveDisease, Assess(SingleViable(20m, 24m))[0].Category);
        Assert.Equal(ResponseCategory.StableDisease, Assess(SingleViable(20m, 23.9m))[0].Category);
    }

    [Fact]
    public void RESP_MRECIST_CR_is_no_enhancement_in_any_target_even_if_the_scar_remains()
    {
        var a = Assess(SingleViable(40m, 0m))[0];
        Assert.Equal(ResponseCategory.CompleteResponse, a.Category);
    }

    [Fact]
    public void RESP_MRECIST_CR_persisting_at_zero_nadir_is_not_progression()
    {
        var s = Of([Liver("L1")], Study(0, M("L1", 50m, 40m)), Study(42, M("L1", 45m, 0m)), Study(84, M("L1", 40m, 0m)));
        Assert.Equal([ResponseCategory.CompleteResponse, ResponseCategory.CompleteResponse], Assess(s).Select(r => r.Category));
    }

    [Fact]
    public void RESP_MRECIST_new_lesion_is_PD() =>
        Assert.Equal(ResponseCategory.ProgressiveDisease,
            Assess(Of([Liver("L1")], Study(0, M("L1", 50m, 40m)), Study(42, M("L1", 45m, 0m)) with { NewLesion = true }))[0].Category);

    [Fact]
    public void RESP_MRECIST_pvtt_cannot_be_a_target()
    {
        var s = Of([new TargetLesion("T1", "portal vein", IsTumourThrombus: true)], Study(0, M("T1", 30m, 30m)));
        Assert.Equal("targetLesions[0]", Assert.Single(Mrecist.Assess(s).Errors).Field);
        Assert.True(Recist11.Assess(s).IsValid);
    }

    [Theory]
    [InlineData(9.9, false)]
    [InlineData(10.0, true)]
    public void RESP_MRECIST_target_must_enhance_at_least_10_mm_at_baseline(decimal viable, bool valid) =>
        Assert.Equal(valid, Mrecist.Assess(Of([Liver("L1")], Study(0, M("L1", 40m, viable)))).IsValid);

    [Fact]
    public void RESP_MRECIST_viable_diameter_cannot_exceed_the_lesion() =>
        Assert.Equal("baseline.measurements[0].viableDiameterMillimetres",
            Assert.Single(Mrecist.Assess(Of([Liver("L1")], Study(0, M("L1", 40m, 41m)))).Errors).Field);

    [Fact]
    public void RESP_MRECIST_unread_viable_diameter_is_not_evaluable() =>
        Assert.Equal(ResponseCategory.NotEvaluable,
            Assess(Of([Liver("L1")], Study(0, M("L1", 50m, 40m)), Study(42, M("L1", 45m))))[0].Category);
}
