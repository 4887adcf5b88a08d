using HccPathway.Clinical.Regimen;
using HccPathway.Clinical.Response;
using HccPathway.Clinical.Rules;
using HccPathway.Clinical.Surgery;
using HccPathway.Clinical.Units;

namespace HccPathway.Clinical.Tests.Surgery;

public class ReadinessTests
{
    internal static readonly DateOnly Today = new(2025, 6, 2);

    internal static Evidenced<T> E<T>(T value, DateOnly date, string id) => new(value, new EvidenceRef(id, date));

    /// <summary>A patient meeting all six criteria, every value recorded within the last 30 days.</summary>
    internal static ReadinessInputs Ready() => new()
    {
        TreatmentStart = new DateOnly(2025, 1, 6),
        MrecistAssessments = [E(ResponseCategory.StableDisease, new DateOnly(2025, 3, 3), "mr-1"), E(ResponseCategory.PartialResponse, new DateOnly(2025, 5, 26), "mr-2")],
        R0ResectionFeasible = E(true, new DateOnly(2025, 5, 28), "surg-1"),
        FlrToSlvRatio = E(0.45, new DateOnly(2025, 5, 27), "vol-1"),
        ChildPughScore = E(6, new DateOnly(2025, 5, 30), "lab-1"),
        IcgR15 = E(IcgR15Percent.FromPercent(12m), new DateOnly(2025, 5, 30), "icg-1"),
        Ecog = E(1, new DateOnly(2025, 5, 30), "ecog-1"),
        ExtrahepaticDisease = E(false, new DateOnly(2025, 5, 26), "mr-2"),
        OtherContraindication = E(false, new DateOnly(2025, 5, 30), "mdt-1"),
        AdverseEvents = [new AdverseEvent("ae-1", "hypertension", true, [RegimenComponent.Lenvatinib],
            [new(new DateOnly(2025, 2, 1), 3, "ae-evt-1"), new(new DateOnly(2025, 2, 20), 1, "ae-evt-2")])],
    };

    /// <summary>Only criterion (1) recorded; the others stay Unknown.</summary>
    private static ReadinessInputs ResponseOnly(Evidenced<ResponseCategory> assessment) => new()
    {
        TreatmentStart = new DateOnly(2025, 1, 6),
        MrecistAssessments = [assessment],
    };

    private static ReadinessDecision Evaluate(ReadinessInputs i, ClinicalRuleSet? r = null) =>
        SurgicalReadiness.Evaluate(i, Today, r ?? ClinicalRuleSet.Default).Value;

    private static CriterionOutcome Outcome(ReadinessInputs i, int criterion) => Evaluate(i).Criteria[criterion - 1].Outcome;

    [Fact]
    public void SURG_READY_all_six_criteria_pass_with_their_evidence()
    {
        var d = Evaluate(Ready());
        Assert.True(d.Ready);
        Assert.Equal(6, d.Criteria.Count);
        Assert.All(d.Criteria, c => Assert.Equal(("SURG-READY", CriterionOutcome.Pass), (c.RuleId, c.Outcome)));
        Assert.All(d.Criteria, c => Assert.NotEmpty(c.Evidence));
        Assert.Equal(["lab-1", "icg-1", "ecog-1"], d.Criteria[3].Evidence.Select(e => e.EventId));
        Assert.Equal("ae-evt-2", Assert.Single(d.Criteria[5].Evidence).EventId);
        Assert.Equal("2026.2", d.RuleSetVersion);
    }

    [Theory]
    [InlineData(ResponseCategory.CompleteResponse, CriterionOutcome.Pass)]
    [InlineData(ResponseCategory.PartialResponse, CriterionOutcome.Pass)]
    [InlineData(ResponseCategory.ProgressiveDisease, CriterionOutcome.Fail)]
    [InlineData(ResponseCategory.NotEvaluable, CriterionOutcome.Unknown)]
    public void SURG_READY_1_response_category(ResponseCategory latest, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome(Ready() with { MrecistAssessments = [E(latest, new DateOnly(2025, 5, 26), "mr-9")] }, 1));

    [Theory]
    [InlineData(4, 5, CriterionOutcome.Fail)]   // SD on 04-05: 2 months 30 days after 01-06
    [InlineData(4, 6, CriterionOutcome.Pass)]   // exactly 3 months
    [InlineData(4, 7, CriterionOutcome.Pass)]
    public void SURG_READY_1_stable_disease_maintained_3_months(int month, int day, CriterionOutcome expected)
    {
        // Evidence freshness is judged on the evaluation date, so evaluate 10 days after the SD assessment.
        var sdDate = new DateOnly(2025, month, day);
        var inputs = ResponseOnly(E(ResponseCategory.StableDisease, sdDate, "mr-sd"));
        var d = SurgicalReadiness.Evaluate(inputs, sdDate.AddDays(10), ClinicalRuleSet.Default).Value;
        Assert.Equal(expected, d.Criteria[0].Outcome);
    }

    [Fact]
    public void SURG_READY_1_stable_disease_after_progression_is_not_maintained() =>
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with
        {
            MrecistAssessments = [E(ResponseCategory.ProgressiveDisease, new DateOnly(2025, 3, 3), "mr-1"), E(ResponseCategory.StableDisease, new DateOnly(2025, 5, 26), "mr-2")],
        }, 1));

    [Fact]
    public void SURG_READY_1_sd_duration_is_configurable_to_4_months()
    {
        var inputs = ResponseOnly(E(ResponseCategory.StableDisease, new DateOnly(2025, 4, 20), "mr-sd"));
        var rules = ClinicalRuleSet.Default with { StableDiseaseMinimumMonths = 4 };
        Assert.Equal(CriterionOutcome.Fail, SurgicalReadiness.Evaluate(inputs, new DateOnly(2025, 4, 25), rules).Value.Criteria[0].Outcome);
        Assert.Equal(CriterionOutcome.Pass, SurgicalReadiness.Evaluate(inputs, new DateOnly(2025, 4, 25), ClinicalRuleSet.Default).Value.Criteria[0].Outcome);
    }

    [Fact]
    public void SURG_READY_2_r0_not_feasible_or_not_recorded()
    {
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with { R0ResectionFeasible = E(false, Today, "surg-2") }, 2));
        Assert.Equal(CriterionOutcome.Unknown, Outcome(Ready() with { R0ResectionFeasible = null }, 2));
    }

    [Theory]
    [InlineData(0.399, CriterionOutcome.Fail)]
    [InlineData(0.40, CriterionOutcome.Pass)]
    [InlineData(0.401, CriterionOutcome.Pass)]
    public void SURG_READY_3_flr_at_least_40_percent_of_slv(double ratio, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome(Ready() with { FlrToSlvRatio = E(ratio, Today, "vol-2") }, 3));

    [Theory]
    [InlineData(7, 20, 1, CriterionOutcome.Pass)]
    [InlineData(8, 20, 1, CriterionOutcome.Fail)]
    [InlineData(7, 20.1, 1, CriterionOutcome.Fail)]
    [InlineData(7, 19.9, 2, CriterionOutcome.Fail)]
    [InlineData(5, 5, 0, CriterionOutcome.Pass)]
    public void SURG_READY_4_child_pugh_7_icg_20_ecog_1(int cp, decimal icg, int ecog, CriterionOutcome expected) =>
        Assert.Equal(expected, Outcome(Ready() with
        {
            ChildPughScore = E(cp, Today, "lab-2"),
            IcgR15 = E(IcgR15Percent.FromPercent(icg), Today, "icg-2"),
            Ecog = E(ecog, Today, "ecog-2"),
        }, 4));

    [Fact]
    public void SURG_READY_4_failure_wins_over_unknown()
    {
        Assert.Equal(CriterionOutcome.Unknown, Outcome(Ready() with { IcgR15 = null }, 4));
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with { IcgR15 = null, Ecog = E(2, Today, "ecog-3") }, 4));
    }

    [Fact]
    public void SURG_READY_5_extrahepatic_disease_or_contraindication_fails()
    {
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with { ExtrahepaticDisease = E(true, Today, "ct-9") }, 5));
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with { OtherContraindication = E(true, Today, "mdt-9") }, 5));
    }

    [Fact]
    public void SURG_READY_6_unresolved_treatment_related_ae_fails_unrelated_is_ignored()
    {
        var grade2 = new AdverseEvent("ae-2", "diarrhoea", true, [RegimenComponent.Lenvatinib], [new(new DateOnly(2025, 5, 20), 2)]);
        Assert.Equal(CriterionOutcome.Fail, Outcome(Ready() with { AdverseEvents = [.. Ready().AdverseEvents, grade2] }, 6));
        Assert.Equal(CriterionOutcome.Pass, Outcome(Ready() with { AdverseEvents = [grade2 with { TreatmentRelated = false }] }, 6));
    }

    [Theory]
    [InlineData(29, CriterionOutcome.Pass)]
    [InlineData(30, CriterionOutcome.Pass)]
    [InlineData(31, CriterionOutcome.Unknown)]
    public void SURG_READY_stale_evidence_older_than_30_days_is_unknown(int ageDays, CriterionOutcome expected)
    {
        var d = Evaluate(Ready() with { R0ResectionFeasible = E(true, Today.AddDays(-ageDays), "surg-old") });
        Assert.Equal(expected, d.Criteria[1].Outcome);
        Assert.Equal(expected == CriterionOutcome.Pass, d.Ready);
        if (expected == CriterionOutcome.Unknown)
        {
            Assert.StartsWith("stale", d.Criteria[1].Note, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SURG_READY_max_evidence_age_is_configurable()
    {
        var rules = ClinicalRuleSet.Default with { ReadinessMaximumEvidenceAgeDays = 60 };
        Assert.True(Evaluate(Ready() with { R0ResectionFeasible = E(true, Today.AddDays(-45), "surg-old") }, rules).Ready);
    }

    [Fact]
    public void SURG_READY_rejects_future_evidence_and_implausible_values()
    {
        var bad = Ready() with
        {
            R0ResectionFeasible = E(true, Today.AddDays(1), "surg-future"),
            FlrToSlvRatio = E(-0.2, Today, "vol-bad"),
            ChildPughScore = E(4, Today, "cp-bad"),
        };
        Assert.Equal(["r0ResectionFeasible.date", "flrToSlvRatio", "childPughScore"],
            SurgicalReadiness.Evaluate(bad, Today, ClinicalRuleSet.Default).Errors.Select(e => e.Field));
    }
}
