using System.Security.Claims;
using System.Text;
using HccPathway.ServiceDefaults.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HccPathway.ServiceDefaults.Security;

/// <summary>Signs tokens with the configured key. Used by tests and by the Development-only token endpoint.</summary>
public static class TokenIssuer
{
    /// <param name="hospital">The user's hospital (tenant); none means the deployment's default hospital.</param>
    public static string Issue(
        TokenSettings settings, string subject, IEnumerable<string> roles, DateTimeOffset now, string? hospital = null)
    {
        var claims = new List<Claim> { new("sub", subject) };
        claims.AddRange(roles.Select(r => new Claim("role", r)));
        if (!string.IsNullOrWhiteSpace(hospital))
        {
            claims.Add(new Claim(Hospitals.ClaimType, hospital));
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(settings.Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)), SecurityAlgorithms.HmacSha256),
        };

        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>
    /// <c>POST /dev/tokens</c> with <c>{"subject":"alice","roles":["coordinator"]}</c> returns a bearer token; an
    /// optional <c>"hospital"</c> puts the user in that hospital.
    /// Mapped only in Development, so local runs need no identity provider.
    /// </summary>
    public static IEndpointRouteBuilder MapDevelopmentTokens(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return app;
        }

        app.MapPost("/dev/tokens", (DevTokenRequest request, TokenSettings settings, TimeProvider clock) =>
            {
                var unknown = request.Roles.Except(Roles.All).ToArray();
                if (string.IsNullOrWhiteSpace(request.Subject) || request.Roles.Count == 0 || unknown.Length > 0)
                {
                    return Results.ValidationProblem(new Dictionary<string, string[]>
                    {
                        ["roles"] = [$"Give a subject and one or more of: {string.Join(", ", Roles.All)}."],
                    });
                }

                return Results.Ok(new { token = Issue(settings, request.Subject, request.Roles, clock.GetUtcNow(), request.Hospital) });
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }
}

public sealed record DevTokenRequest(string Subject, IReadOnlyList<string> Roles, string? Hospital = null);
