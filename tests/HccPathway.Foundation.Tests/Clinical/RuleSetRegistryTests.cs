using HccPathway.Clinical.Rules;
using HccPathway.Foundation.Tests.EventStore;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.Foundation.Tests.Clinical;

public sealed class RuleSetRegistryTests
{
    [Fact]
    public void The_fingerprint_names_the_parameters_not_the_version_name_or_the_scale_of_a_decimal()
    {
        var rules = ClinicalRuleSet.Default;

        Assert.Matches("^sha256:[0-9a-f]{64}$", RuleSetFingerprint.Of(rules));
        Assert.Equal(RuleSetFingerprint.Of(rules), RuleSetFingerprint.Of(rules with { Version = "renamed" }));
        Assert.Equal(RuleSetFingerprint.Of(rules), RuleSetFingerprint.Of(rules with { ChildPughAlbuminLowerBoundaryGramsPerLitre = 28.00m }));
        Assert.NotEqual(RuleSetFingerprint.Of(rules), RuleSetFingerprint.Of(rules with { ChildPughAlbuminLowerBoundaryGramsPerLitre = 30m }));
        Assert.NotEqual(RuleSetFingerprint.Of(rules), RuleSetFingerprint.Of(rules with { LenvatinibDoseLevelsMilligrams = [12m, 8m] }));
        Assert.NotEqual(RuleSetFingerprint.Of(rules), RuleSetFingerprint.Of(rules with { StandardLiverVolumeFormula = HccPathway.Clinical.Scores.StandardLiverVolumeFormula.Urata }));
    }

    [Fact]
    public async Task A_service_whose_parameters_differ_from_those_registered_under_its_version_name_does_not_start()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();

        await (await Start(infrastructure, schemas, ("ClinicalRules:ChildPughAlbuminLowerBoundaryGramsPerLitre", "28.0"))).StopAndDispose();
        var changed = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Start(infrastructure, schemas, ("ClinicalRules:ChildPughAlbuminLowerBoundaryGramsPerLitre", "30")));
        await (await Start(infrastructure, schemas,
            ("ClinicalRules:ChildPughAlbuminLowerBoundaryGramsPerLitre", "30"), ("ClinicalRules:Version", "2025.1-local-albumin-30"))).StopAndDispose();

        Assert.Contains($"'{ClinicalRuleSet.Default.Version}' is already registered", changed.Message, StringComparison.Ordinal);
        Assert.Contains(RuleSetFingerprint.Of(ClinicalRuleSet.Default), changed.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await EventStoreHost.Scalar<long>(infrastructure, $"select count(*) from {schemas.Events}.rule_sets"));
        Assert.Equal(RuleSetFingerprint.Of(ClinicalRuleSet.Default with { ChildPughAlbuminLowerBoundaryGramsPerLitre = 30m }),
            await EventStoreHost.Scalar<string>(infrastructure, $"select fingerprint from {schemas.Events}.rule_sets where version = '2025.1-local-albumin-30'"));
    }

    [Fact]
    public async Task Services_starting_together_with_the_same_rule_set_all_start_and_register_it_once()
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();

        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Start(infrastructure, schemas)));
        foreach (var host in hosts)
        {
            await host.StopAndDispose();
        }

        Assert.Equal(1L, await EventStoreHost.Scalar<long>(infrastructure, $"select count(*) from {schemas.Events}.rule_sets"));
    }

    private static async Task<IHost> Start(InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:pathway"] = infrastructure.Postgres,
            ["Pathway:EventsSchema"] = schemas.Events,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.AddClinicalRules();
        var host = builder.Build();
        try
        {
            await host.StartAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
