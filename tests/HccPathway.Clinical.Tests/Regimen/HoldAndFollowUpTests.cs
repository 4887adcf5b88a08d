using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;

namespace HccPathway.Clinical.Tests.Regimen;

public class HoldRulesTests
{
    private static DateOnly D(int month, int day) => new(2025, month, day);

    private static AdverseEvent Ae(bool related, params (DateOnly Date, int Grade)[] gradings) =>
        new("ae-1", "diarrhoea", related, [RegimenComponent.Lenvatinib], gradings.Select(g => new AdverseEventGrading(g.Date, g.Grade)).ToArray());

    private static IReadOnlyList<TreatmentHold> Holds(params AdverseEvent[] aes) =>
        HoldRules.HoldsFromAdverseEvents(aes, ClinicalRuleSet.Default).Value;

    [Fact]
    public void SCHED_HOLD_grade_3_holds_until_back_to_grade_1()
    {
        // Grade 3 on 04-01 opens the hold; grade 2 on 04-08 keeps it; grade 1 on 04-15 ends it.
        var hold = Assert.Single(Holds(Ae(true, (D(4, 1), 3), (D(4, 8), 2), (D(4, 15), 1))));
        Assert.Equal((RegimenComponent.Lenvatinib, D(4, 1), (DateOnly?)D(4, 15), "ae-1"), (hold.Component, hold.From, hold.Until, hold.AdverseEventId));
        Assert.True(hold.IsActiveOn(D(4, 14)));
        Assert.False(hold.IsActiveOn(D(4, 15)));
        Assert.False(hold.IsActiveOn(D(3, 31)));
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    [InlineData(4, true)]
    public void SCHED_HOLD_grade_threshold_2_3_4(int grade, bool held) =>
        Assert.Equal(held, Holds(Ae(true, (D(4, 1), grade))).Count == 1);

    [Fact]
    public void SCHED_HOLD_grade_2_does_not_end_a_hold()
    {
        var hold = Assert.Single(Holds(Ae(true, (D(4, 1), 3), (D(4, 8), 2))));
        Assert.Null(hold.Until);
    }

    [Fact]
    public void SCHED_HOLD_not_treatment_related_never_holds() =>
        Assert.Empty(Holds(Ae(false, (D(4, 1), 4))));

    [Fact]
    public void SCHED_HOLD_each_suspected_drug_is_held_and_recurrence_opens_a_new_hold()
    {
        var ae = new AdverseEvent("ae-2", "hepatitis", true, [RegimenComponent.Lenvatinib, RegimenComponent.Camrelizumab],
            [new(D(4, 1), 3), new(D(4, 10), 0), new(D(5, 1), 3), new(D(5, 20), 1)]);
        var holds = Holds(ae);
        Assert.Equal(4, holds.Count);
        Assert.Equal(2, holds.Count(h => h.Component == RegimenComponent.Camrelizumab));
        Assert.Contains(holds, h => h.From == D(5, 1) && h.Until == D(5, 20));
    }

    [Fact]
    public void SCHED_HOLD_resolution_grade_is_configurable()
    {
        var rules = ClinicalRuleSet.Default with { HoldResolutionMaximumGrade = 0 };
        var hold = Assert.Single(HoldRules.HoldsFromAdverseEvents([Ae(true, (D(4, 1), 3), (D(4, 8), 1), (D(4, 15), 0))], rules).Value);
        Assert.Equal(D(4, 15), hold.Until);
    }

    [Fact]
    public void SCHED_HOLD_rejects_invalid_adverse_events()
    {
        var result = HoldRules.HoldsFromAdverseEvents(
            [Ae(true, (D(4, 8), 6), (D(4, 1), 1)), new AdverseEvent("", "x", true, [], [])], ClinicalRuleSet.Default);
        Assert.Equal(
            ["adverseEvents[0].gradings[0].grade", "adverseEvents[0].gradings[1].date", "adverseEvents[1].id", "adverseEvents[1].gradings"],
            result.Errors.Select(e => e.Field));
    }

    [Fact]
    public void SCHED_HOLD_rejects_missing_suspected_drug_list() =>
        Assert.Equal("adverseEvents[0].suspectedDrugs",
            Assert.Single(HoldRules.HoldsFromAdverseEvents([Ae(true, (D(4, 1), 3)) with { SuspectedDrugs = null! }], ClinicalRuleSet.Default).Errors).Field);

    [Theory]
    [InlineData(12, 8)]
    [InlineData(8, 4)]
    [InlineData(10, 8)]
    public void SCHED_HOLD_lenvatinib_dose_reduction_steps(decimal current, decimal next) =>
        Assert.Equal(next, HoldRules.NextLowerLenvatinibDose(current, ClinicalRuleSet.Default));

    [Fact]
    public void SCHED_HOLD_lowest_dose_has_no_further_reduction() =>
        Assert.Null(HoldRules.NextLowerLenvatinibDose(4m, ClinicalRuleSet.Default));
}

public class FollowUpImagingTests
{
    [Fact]
    public void SCHED_FU_window_is_4_to_6_weeks_after_last_imaging()
    {
        var window = FollowUpImaging.NextWindow(new DateOnly(2025, 6, 2), ClinicalRuleSet.Default);
        Assert.Equal((new DateOnly(2025, 6, 30), new DateOnly(2025, 7, 14)), (window.Earliest, window.Latest));
    }

    [Theory]
    [InlineData(27, FollowUpStatus.NotYetDue)]
    [InlineData(28, FollowUpStatus.Due)]
    [InlineData(42, FollowUpStatus.Due)]
    [InlineData(43, FollowUpStatus.Overdue)]
    public void SCHED_FU_status_at_day_27_28_42_43(int days, FollowUpStatus status)
    {
        var last = new DateOnly(2025, 6, 2);
        Assert.Equal(status, FollowUpImaging.StatusOn(last, last.AddDays(days), ClinicalRuleSet.Default));
    }
}
