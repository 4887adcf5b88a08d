using System.Net.Http.Json;
using HccPathway.Coordinator.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace HccPathway.Coordinator.Account;

/// <summary>
/// Sign-in against the services' Development token endpoint (<c>POST /dev/tokens</c> on Intake): the user picks a name
/// and a role, the token goes into the auth cookie, and every API call carries it. Outside Development the services do
/// not issue tokens, so sign-in reports that an identity provider is needed.
/// </summary>
public static class AccountEndpoints
{
    public sealed record TokenResponse(string Token);

    public static WebApplication MapAccountEndpoints(this WebApplication app)
    {
        app.MapPost("/account/login", async (
                [FromForm] string? userName, [FromForm] string? role, [FromForm] string? returnUrl, [FromForm] string? timeZone,
                HttpContext http, IHttpClientFactory clients, ILoggerFactory logs) =>
            {
                var name = userName?.Trim() ?? "";
                if (name.Length is 0 or > 64 || role is null || !UserRoles.All.Contains(role))
                {
                    return Results.Redirect("/login?error=input");
                }

                using var response = await clients.CreateClient(PathwayServices.Intake)
                    .PostAsJsonAsync("/dev/tokens", new { subject = name, roles = new[] { role } });
                if (!response.IsSuccessStatusCode || await response.Content.ReadFromJsonAsync<TokenResponse>() is not { Token.Length: > 0 } token)
                {
                    logs.CreateLogger("Account").LogWarning("The token endpoint answered {Status}", (int)response.StatusCode);
                    return Results.Redirect("/login?error=token");
                }

                await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, UserClaims.Create(name, role, token.Token, UserTimeProvider.Known(timeZone)));
                return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
            })
            .AllowAnonymous();

        app.MapPost("/account/logout", async (HttpContext http) =>
            {
                await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return Results.LocalRedirect("/login");
            });
        return app;
    }

    private static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);
}
