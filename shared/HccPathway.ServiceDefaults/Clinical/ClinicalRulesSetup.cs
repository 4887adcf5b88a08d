using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.EventStore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.ServiceDefaults.Clinical;

public static class ClinicalRulesSetup
{
    /// <summary>
    /// The clinical rule set: the specification's defaults, overridden by the <c>ClinicalRules</c> section where a
    /// centre's policy differs. An invalid override stops the service at start-up rather than deciding on it, and so
    /// does a version name already registered with other parameters (<see cref="RuleSetRegistry"/>).
    /// </summary>
    public static IHostApplicationBuilder AddClinicalRules(this IHostApplicationBuilder builder)
    {
        var configured = builder.Configuration.GetSection("ClinicalRules").Get<ClinicalRuleSet>() ?? ClinicalRuleSet.Default;
        var validated = configured.Validate();
        if (!validated.TryGetValue(out var rules))
        {
            throw new InvalidOperationException(
                "ClinicalRules configuration is invalid: " + string.Join("; ", validated.Errors.Select(e => $"{e.Field}: {e.Message}")));
        }

        builder.Services.AddSingleton(rules);
        var provenance = RuleSetProvenance.Of(rules);
        builder.Services.AddSingleton(provenance);
        builder.Services.AddHostedService(services => new RuleSetRegistration(
            builder.Configuration.RequireConnectionString("pathway"),
            builder.Configuration["Pathway:EventsSchema"] ?? PathwayEventStore.DefaultEventsSchema,
            provenance,
            builder.Environment.ApplicationName));
        return builder;
    }
}
