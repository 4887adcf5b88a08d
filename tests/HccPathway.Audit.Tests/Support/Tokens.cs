using System.Security.Claims;
using System.Text;
using HccPathway.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HccPathway.Audit.Tests.Support;

/// <summary>Development tokens with claims beyond the role, as an identity provider would issue them.</summary>
public static class Tokens
{
    public static string WithClaims(string subject, string role, params (string Type, string Value)[] extra)
    {
        var settings = new TokenSettings { SigningKey = TokenSettings.DevelopmentSigningKey };
        var claims = new List<Claim> { new("sub", subject), new("role", role) };
        claims.AddRange(extra.Select(c => new Claim(c.Type, c.Value)));
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(settings.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }
}
