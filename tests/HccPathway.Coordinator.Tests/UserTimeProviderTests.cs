using System.Security.Claims;
using HccPathway.Coordinator.Account;
using HccPathway.Coordinator.Components.Shared;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Coordinator.Tests;

/// <summary>"Today" and times on screen are in the time zone the browser reported at sign-in, not the server's.</summary>
public sealed class UserTimeProviderTests : BunitContext
{
    [Fact]
    public void Today_and_times_follow_the_time_zone_reported_at_sign_in()
    {
        AddAuthorization().SetAuthorized("cora").SetClaims(new Claim(UserClaims.TimeZone, "Pacific/Kiritimati"));
        var clock = new UserTimeProvider(Services.GetRequiredService<AuthenticationStateProvider>(), TimeProvider.System);
        var now = clock.GetUtcNow();

        Assert.Equal("Pacific/Kiritimati", clock.LocalTimeZone.Id);
        // Kiritimati is UTC+14 all year: its day is the UTC day of fourteen hours later.
        Assert.Equal(DateOnly.FromDateTime(now.UtcDateTime.AddHours(14)), Dates.Today(clock));
        var noonUtc = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.FromHours(14)).ToString("g", System.Globalization.CultureInfo.CurrentCulture),
            Dates.Show(noonUtc, clock));
    }

    [Fact]
    public void An_unknown_or_missing_time_zone_falls_back_to_the_server_zone()
    {
        AddAuthorization().SetAuthorized("cora").SetClaims(new Claim(UserClaims.TimeZone, "Mars/Olympus_Mons"));
        var clock = new UserTimeProvider(Services.GetRequiredService<AuthenticationStateProvider>(), TimeProvider.System);

        Assert.Equal(TimeZoneInfo.Local.Id, clock.LocalTimeZone.Id);
        Assert.Null(UserTimeProvider.Known("Mars/Olympus_Mons"));
        Assert.Null(UserTimeProvider.Known(null));
        Assert.Equal("Europe/London", UserTimeProvider.Known("Europe/London"));
    }
}
