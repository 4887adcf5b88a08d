using System.Security.Claims;

namespace HccPathway.Coordinator.Account;

/// <summary>The claims the sign-in cookie carries: who, which role, and the services' bearer token.</summary>
public static class UserClaims
{
    public const string AccessToken = "access_token";

    public static ClaimsPrincipal Create(string userName, string role, string token) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role), new Claim(AccessToken, token)],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? Token(this ClaimsPrincipal user) => user.FindFirst(AccessToken)?.Value;

    public static string RoleName(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? "";
}
