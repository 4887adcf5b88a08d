using System.Security.Claims;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;

namespace HccPathway.Audit.Privacy;

/// <summary>
/// Auditors see pathways pseudonymised: the patient is the pathway id. The identity (MRN, name, date of birth) is
/// disclosed only when the caller asks for it (<c>?identity=true</c>) and holds the explicit permission: the
/// <see cref="Claim"/> claim with value <see cref="ClaimValue"/> on top of the auditor role.
/// </summary>
public static class IdentityDisclosure
{
    public const string Policy = "audit-identity";
    public const string Claim = "phi";
    public const string ClaimValue = "read";

    /// <summary>Stands in for the identity wherever it is not disclosed.</summary>
    public const string Redacted = "[pseudonymised]";

    public static IHostApplicationBuilder AddIdentityDisclosurePolicy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policy, p => p.RequireRole(Roles.Auditor).RequireClaim(Claim, ClaimValue));
        return builder;
    }

    /// <summary>
    /// Whether to disclose the identity: false when not asked; true when asked and permitted; a 403 problem when asked
    /// and not permitted (nothing is disclosed by default).
    /// </summary>
    public static async Task<(bool Disclose, IResult? Refusal)> Decide(
        ClaimsPrincipal user, bool? requested, IAuthorizationService authorization)
    {
        if (requested is not true)
        {
            return (false, null);
        }

        var permitted = await authorization.AuthorizeAsync(user, Policy);
        return permitted.Succeeded
            ? (true, null)
            : (false, TypedResults.Problem(
                $"Disclosing the patient's identity needs the '{Claim}={ClaimValue}' permission; leave out 'identity' for the pseudonymised record.",
                title: "Not permitted to see the patient's identity.",
                statusCode: StatusCodes.Status403Forbidden));
    }
}
