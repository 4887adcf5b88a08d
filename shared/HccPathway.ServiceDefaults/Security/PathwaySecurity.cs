using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace HccPathway.ServiceDefaults.Security;

/// <summary>JWT bearer authentication and the role policies, configured from the <c>Auth</c> section.</summary>
public static class PathwaySecurity
{
    public static IHostApplicationBuilder AddPathwaySecurity(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection("Auth").Get<TokenSettings>() ?? new TokenSettings();
        if (string.IsNullOrWhiteSpace(settings.SigningKey))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Auth:SigningKey is not set. Outside Development every service needs the shared token signing key.");
            }

            settings = settings with { SigningKey = TokenSettings.DevelopmentSigningKey };
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)),
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.RecordCare, p => p.RequireRole(Roles.Coordinator, Roles.Clinician))
            .AddPolicy(Policies.DecideCare, p => p.RequireRole(Roles.Clinician))
            .AddPolicy(Policies.ReadPathway, p => p.RequireRole(Roles.Coordinator, Roles.Clinician, Roles.Auditor))
            .AddPolicy(Policies.ReadSchedule, p => p.RequireRole(Roles.All))
            .AddPolicy(Policies.ManageSubscriptions, p => p.RequireRole(Roles.Coordinator, Roles.Scheduler))
            .AddPolicy(Policies.Audit, p => p.RequireRole(Roles.Auditor));

        return builder;
    }

    /// <summary>Who acted, as recorded on every event: the token's subject. Never a patient identifier.</summary>
    public static string ActorName(this ClaimsPrincipal user) =>
        user.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "anonymous";
}

public sealed record TokenSettings
{
    /// <summary>Used only in Development when no key is configured; tokens signed with it are worthless elsewhere.</summary>
    public const string DevelopmentSigningKey = "hccpathway-development-signing-key-not-for-production-use";

    public string Issuer { get; init; } = "hccpathway-dev";

    public string Audience { get; init; } = "hccpathway";

    public string SigningKey { get; init; } = "";

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(8);
}
