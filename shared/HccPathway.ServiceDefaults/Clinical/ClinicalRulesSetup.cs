using HccPathway.Clinical.Rules;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.ServiceDefaults.Clinical;

public static class ClinicalRulesSetup
{
    /// <summary>
    /// The clinical rule set: the specification's defaults, overridden by the <c>ClinicalRules</c> section where a
    /// centre's policy differs. An invalid override stops the service at start-up rather than deciding on it.
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
        return builder;
    }
}
