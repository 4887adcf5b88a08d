using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Audit.CommandLine;
using HccPathway.Audit.Tests.Support;
using HccPathway.Clinical.Eligibility;
using HccPathway.Clinical.Mapping;
using HccPathway.Clinical.Rules;
using HccPathway.Contracts.Intake;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.Testing;

namespace HccPathway.Audit.Tests.Api;

/// <summary>
/// A cohort of 56 pathways with CNLC IIIb pulmonary metastases (ELIG-3), decided under the default rule set (at most 5
/// nodules, largest below 30 mm), then decided again under a stricter local rule set (at most 3 nodules).
/// </summary>
public sealed class CounterfactualApiTests : IClassFixture<AuditService>, IAsyncLifetime
{
    private static readonly ClinicalRuleSet Strict = ClinicalRuleSet.Default with { Version = "2025.1-local-three-nodules", Elig3MaximumPulmonaryNodules = 3 };
    private readonly AuditService audit;
    private readonly Dictionary<Guid, (int Nodules, decimal LargestMm)> cohort = [];

    public CounterfactualApiTests(AuditService audit) => this.audit = audit;

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await RuleSetRegistry.Register(infrastructure.Postgres, audit.EventsSchema, RuleSetProvenance.Of(ClinicalRuleSet.Default), "intake", default);
        await RuleSetRegistry.Register(infrastructure.Postgres, audit.EventsSchema, RuleSetProvenance.Of(Strict), "intake", default);
        for (var k = 0; k < 56; k++)
        {
            var (nodules, largest) = (1 + (k % 8), 10m + (5m * (k % 7)));
            var id = Guid.NewGuid();
            cohort[id] = (nodules, largest);
            var baseline = Baseline(id, nodules, largest);
            await audit.Append(id, "dr-house", true, baseline);
            await audit.Append(id, "dr-house", false, Decided(id, baseline));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Deciding_the_cohort_again_under_another_rule_set_lists_exactly_the_pathways_that_flip_and_the_criterion_that_flips()
    {
        var answer = await audit.Auditor().GetFromJsonAsync<JsonElement>($"/counterfactual?ruleSetVersion={Strict.Version}");

        // Independently: eligible under the default when ≤ 5 nodules and largest < 30 mm; under the strict set ≤ 3.
        var expected = cohort.Where(p => p.Value.Nodules is 4 or 5 && p.Value.LargestMm < 30m).Select(p => p.Key).Order().ToList();
        var eligibility = answer.GetProperty("eligibility");
        var changes = eligibility.GetProperty("changes").EnumerateArray().ToList();
        Assert.Equal(RuleSetFingerprint.Of(Strict), answer.GetProperty("fingerprint").GetString());
        Assert.True(eligibility.GetProperty("pathwaysReplayed").GetInt32() >= cohort.Count);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, changes.Select(c => c.GetProperty("pathwayId").GetGuid()).Where(cohort.ContainsKey).Order());
        Assert.All(changes.Where(c => cohort.ContainsKey(c.GetProperty("pathwayId").GetGuid())), c =>
        {
            Assert.Equal((true, false), (c.GetProperty("recordedEligible").GetBoolean(), c.GetProperty("replayedEligible").GetBoolean()));
            // The nodule count flips, and with it ELIG-X (no group admits the patient any more); nothing else.
            var flips = c.GetProperty("flippedCriteria").EnumerateArray().ToList();
            Assert.Equal(["ELIG-3", "ELIG-X"], flips.Select(f => f.GetProperty("ruleId").GetString()).Order());
            var flip = flips.Single(f => f.GetProperty("ruleId").GetString() == "ELIG-3");
            Assert.Equal(("ELIG-3", "Pulmonary metastases: number", "pass", "fail", "≤ 3"),
                (flip.GetProperty("ruleId").GetString(), flip.GetProperty("criterion").GetString(), flip.GetProperty("recordedOutcome").GetString(),
                 flip.GetProperty("replayedOutcome").GetString(), flip.GetProperty("replayedThreshold").GetString()));
        });
    }

    [Fact]
    public async Task Deciding_again_under_the_rule_set_that_decided_changes_nothing_appends_nothing_and_is_logged()
    {
        var before = await audit.Scalar<long>("select count(*) from {events}.mt_events");

        var answer = await audit.Auditor("auditor-cf").GetFromJsonAsync<JsonElement>($"/counterfactual?ruleSetVersion={ClinicalRuleSet.Default.Version}");

        Assert.DoesNotContain(answer.GetProperty("eligibility").GetProperty("changes").EnumerateArray(), c => cohort.ContainsKey(c.GetProperty("pathwayId").GetGuid()));
        Assert.Equal(before, await audit.Scalar<long>("select count(*) from {events}.mt_events"));
        var reads = await audit.Auditor().GetFromJsonAsync<JsonElement>("/reads?actor=auditor-cf");
        Assert.Contains(reads.GetProperty("items").EnumerateArray(), r => r.GetProperty("what").GetString() == "counterfactual");
    }

    [Fact]
    public async Task The_command_line_lists_the_same_flipped_pathways_and_says_when_the_version_is_unknown()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["Pathway:EventsSchema"] = audit.Factory.Schemas.Events,
            ["Pathway:DocumentsSchema"] = audit.Factory.Schemas.DocumentsOf(AuditApi.ServiceName),
        };
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await AuditCommandLine.Run(["counterfactual", Strict.Version], output, error, settings);
        var unknown = await AuditCommandLine.Run(["counterfactual", "no-such"], new StringWriter(), error, settings);
        var usage = await AuditCommandLine.Run(["counterfactual", "--hospital", "x"], new StringWriter(), new StringWriter(), settings);

        Assert.Equal((AuditCommandLine.Ok, AuditCommandLine.NotFound, AuditCommandLine.Usage), (exit, unknown, usage));
        var changes = JsonDocument.Parse(output.ToString()).RootElement.GetProperty("eligibility").GetProperty("changes");
        var expected = cohort.Where(p => p.Value.Nodules is 4 or 5 && p.Value.LargestMm < 30m).Select(p => p.Key).Order();
        Assert.Equal(expected, changes.EnumerateArray().Select(c => c.GetProperty("pathwayId").GetGuid()).Where(cohort.ContainsKey).Order());
        Assert.Contains("no-such", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_or_missing_rule_set_version_is_refused()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await audit.Auditor().GetAsync("/counterfactual?ruleSetVersion=no-such")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await audit.Auditor().GetAsync("/counterfactual")).StatusCode);
    }

    private static BaselineAssessed Baseline(Guid id, int nodules, decimal largestMm)
    {
        var measurements = new BaselineMeasurements(
            58, 70m, 168m, 0, 15m, 42m, 1.0m, 800m, 300m, 40m, 35m, "none", 0, 6m, 650m, false, false, false, 1, [50m], null,
            false, false, false, nodules, largestMm, false, false, new SurgeonResectability(false, false, false, true));
        var evaluation = BaselineEvaluator.Evaluate(BaselineMapping.ToClinical(Story.Day0, measurements), ClinicalRuleSet.Default);
        return new BaselineAssessed(id, Story.Day0, measurements, BaselineMapping.ToScores(evaluation.Value), ClinicalRuleSet.Default.Version, DateTimeOffset.UtcNow);
    }

    /// <summary>What the intake service records: the decision under the default rule set, on the baseline at version 1.</summary>
    private static EligibilityDecided Decided(Guid id, BaselineAssessed baseline)
    {
        var decision = BaselineEvaluator.Evaluate(BaselineMapping.ToClinical(baseline.AssessedOn, baseline.Measurements), ClinicalRuleSet.Default).Value.Eligibility;
        return new EligibilityDecided(id, decision.Eligible, decision.MatchedGroups.Select(g => g.RuleId()).ToArray(),
            decision.Criteria.Select(BaselineMapping.ToContract).ToArray(), 1, decision.RuleSetVersion, DateTimeOffset.UtcNow);
    }
}
