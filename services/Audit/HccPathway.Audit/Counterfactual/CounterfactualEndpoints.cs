using HccPathway.Audit.Reads;
using HccPathway.Audit.RuleSets;
using HccPathway.Clinical.Rules;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Audit.Counterfactual;

/// <summary>The cohort of the auditor's hospital decided again under another registered rule set.</summary>
public sealed record CounterfactualAnswer(
    string RuleSetVersion, string Fingerprint, EligibilityCounterfactualReport Eligibility);

public static class CounterfactualEndpoints
{
    public static WebApplication MapCounterfactual(this WebApplication app)
    {
        app.MapGet("/counterfactual", async Task<IResult> (string? ruleSetVersion, RuleSetLookup lookup, IQuerySession session,
                ReadLog log, HttpContext http, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(ruleSetVersion))
                {
                    return ProblemResults.From(Rejection.Invalid("Name the rule set to decide again with.",
                        new Dictionary<string, string[]> { ["ruleSetVersion"] = ["Required: a version listed by GET /rule-sets."] }));
                }

                var registered = await lookup.Find(ruleSetVersion, ct);
                await log.Record(http.User.ActorName(), null, AuditReadKinds.Counterfactual, $"ruleSetVersion={ruleSetVersion}",
                    registered is not null, false, ct);
                if (registered is null)
                {
                    return ProblemResults.From(Rejection.NotFound($"No rule set is registered as '{ruleSetVersion}'."));
                }

                var rules = RuleSetFingerprint.Parse(registered.Version, registered.Parameters.GetRawText());
                return TypedResults.Ok(new CounterfactualAnswer(
                    registered.Version, registered.Fingerprint, await EligibilityCounterfactual.Run(session, rules, ct)));
            })
            .RequireAuthorization(Policies.Audit)
            .WithTags("Rule sets")
            .WithName("GetCounterfactual")
            .WithSummary("Decide the hospital's eligibility decisions again under another registered rule set; lists the pathways that would change and which criteria flip. Appends nothing.");
        return app;
    }
}
