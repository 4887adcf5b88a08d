using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Audit.Tests.Support;
using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Clinical;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;

namespace HccPathway.Audit.Tests.Api;

public sealed class RuleSetApiTests : IClassFixture<AuditService>, IAsyncLifetime
{
    private readonly AuditService audit;
    private readonly ClinicalRuleSet local = ClinicalRuleSet.Default with { Version = "2025.1-local-afp-uln-25", AfpUpperLimitOfNormalNanogramsPerMillilitre = 25m };

    public RuleSetApiTests(AuditService audit) => this.audit = audit;

    public async Task InitializeAsync()
    {
        var infrastructure = await Infrastructure.GetAsync();
        await RuleSetRegistry.Register(infrastructure.Postgres, audit.EventsSchema, RuleSetProvenance.Of(ClinicalRuleSet.Default), "intake", default);
        await RuleSetRegistry.Register(infrastructure.Postgres, audit.EventsSchema, RuleSetProvenance.Of(local), "scheduling", default);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_auditor_reads_the_parameters_and_fingerprint_behind_a_decisions_rule_set_version()
    {
        var found = await audit.Auditor().GetFromJsonAsync<JsonElement>($"/rule-sets/{local.Version}");

        Assert.Equal(RuleSetFingerprint.Of(local), found.GetProperty("fingerprint").GetString());
        Assert.Equal(25m, found.GetProperty("parameters").GetProperty("afpUpperLimitOfNormalNanogramsPerMillilitre").GetDecimal());
        Assert.Equal("scheduling", found.GetProperty("registeredBy").GetString());
        var all = await audit.Auditor().GetFromJsonAsync<JsonElement>("/rule-sets");
        Assert.Equal([ClinicalRuleSet.Default.Version, local.Version], all.EnumerateArray().Select(r => r.GetProperty("version").GetString()));
    }

    [Fact]
    public async Task An_unknown_version_is_404_and_only_auditors_may_read()
    {
        var missing = await audit.Auditor().GetAsync("/rule-sets/no-such-version");
        var coordinator = await audit.Factory.ClientAs(Roles.Coordinator).GetAsync($"/rule-sets/{local.Version}");

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, coordinator.StatusCode);
    }
}
