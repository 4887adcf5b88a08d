using HccPathway.Clinical.Rules;
using HccPathway.Coordinator.Account;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HccPathway.Coordinator;

public static class CoordinatorSetup
{
    public static WebApplicationBuilder AddCoordinator(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(o =>
            {
                o.LoginPath = "/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/login";
                o.Cookie.Name = "hcc-coordinator";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                // The services' tokens live for eight hours (TokenSettings.Lifetime); the cookie that carries one must not outlive it.
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = false;
            });
        builder.Services.AddAuthorization();
        builder.Services.AddHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        foreach (var service in PathwayServices.All)
        {
            builder.Services.AddHttpClient(service, c => c.BaseAddress = new Uri($"http://{service}"));
        }

        builder.Services.AddScoped<PathwayApi>();
        builder.Services.AddSingleton(ClinicalRuleSet.Default);
        builder.Services.AddSingleton(TimeProvider.System);
        // Per circuit: the clock in its user's time zone (pages inject it; the host's singletons keep the system clock).
        builder.Services.AddScoped<UserTimeProvider>();
        return builder;
    }

    public static WebApplication UseCoordinator(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        // Dates and numbers in the user's locale (the browser's Accept-Language), British English otherwise.
        string[] cultures = ["en-GB", "en-US", "de-DE", "fr-FR", "es-ES", "it-IT", "nl-NL", "pt-PT", "zh-CN", "ja-JP"];
        app.UseRequestLocalization(o => o.SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
