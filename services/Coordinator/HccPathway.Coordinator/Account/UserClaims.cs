using System.Security.Claims;

namespace HccPathway.Coordinator.Account;

/// <summary>The claims the sign-in cookie carries: who, which role, and the services' bearer token.</summary>
public static class UserClaims
{
    public const string AccessToken = "access_token";

    /// <summary>The browser's IANA time zone at sign-in: "today" and times are the user's, not the server's.</summary>
    public const string TimeZone = "time_zone";

    public static ClaimsPrincipal Create(string userName, string role, string token, string? timeZone = null) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role), new Claim(AccessToken, token),
                .. timeZone is null ? Array.Empty<Claim>() : [new Claim(TimeZone, timeZone)],
            ],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    public static string? Token(this ClaimsPrincipal user) => user.FindFirst(AccessToken)?.Value;

    public static string? TimeZoneId(this ClaimsPrincipal user) => user.FindFirst(TimeZone)?.Value;

    public static string RoleName(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Role)?.Value ?? "";
}
