using HccPathway.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HccPathway.Foundation.Tests.Tenancy;

/// <summary>"Today" is the date on the wall at the patient's hospital, whatever the servers' zone and the season.</summary>
public sealed class HospitalClockTests
{
    private const string Auckland = "auckland-city";
    private const string LosAngeles = "los-angeles-general";

    [Fact]
    public void Given_hospitals_in_Auckland_and_Los_Angeles_when_asked_at_the_same_instant_then_their_todays_differ()
    {
        // 20:00 UTC on 7 December: 09:00 NZDT on the 8th in Auckland, 12:00 PST on the 7th in Los Angeles.
        var (clock, _) = Clock(new DateTimeOffset(2026, 12, 7, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 8), clock.Today(Auckland));
        Assert.Equal(new DateOnly(2026, 12, 7), clock.Today(LosAngeles));
    }

    [Theory]
    [InlineData("2026-03-08T07:59:00Z", "2026-03-07")] // 23:59 PST
    [InlineData("2026-03-08T08:00:00Z", "2026-03-08")] // 00:00 PST, two hours before the clocks go forward
    [InlineData("2026-03-08T10:30:00Z", "2026-03-08")] // 03:30 PDT, just after
    [InlineData("2026-03-09T06:59:00Z", "2026-03-08")] // 23:59 PDT
    [InlineData("2026-03-09T07:00:00Z", "2026-03-09")] // 00:00 PDT: a fixed UTC-8 would still say the 8th
    [InlineData("2026-11-01T06:59:00Z", "2026-10-31")] // 23:59 PDT
    [InlineData("2026-11-01T07:00:00Z", "2026-11-01")] // 00:00 PDT
    [InlineData("2026-11-01T08:30:00Z", "2026-11-01")] // 01:30 PDT, the first time
    [InlineData("2026-11-01T09:30:00Z", "2026-11-01")] // 01:30 PST, the second time
    [InlineData("2026-11-02T07:59:00Z", "2026-11-01")] // 23:59 PST: a fixed UTC-7 would already say the 2nd
    [InlineData("2026-11-02T08:00:00Z", "2026-11-02")] // 00:00 PST
    public void Given_Los_Angeles_on_a_daylight_saving_switch_day_when_today_is_asked_then_it_is_the_local_date(string instant, string expected)
    {
        var (clock, _) = Clock(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), clock.Today(LosAngeles));
    }

    [Fact]
    public void Given_the_clock_advances_past_local_midnight_then_today_follows_the_injected_time()
    {
        var (clock, time) = Clock(new DateTimeOffset(2026, 12, 7, 10, 59, 0, TimeSpan.Zero));
        Assert.Equal(new DateOnly(2026, 12, 7), clock.Today(Auckland));

        time.Advance(TimeSpan.FromMinutes(1)); // 00:00 NZDT on the 8th

        Assert.Equal(new DateOnly(2026, 12, 8), clock.Today(Auckland));
        Assert.Equal(time.GetUtcNow(), clock.GetUtcNow());
    }

    [Fact]
    public void Given_a_hospital_without_a_zone_of_its_own_then_it_keeps_the_default_hospitals_zone_and_with_none_configured_UTC()
    {
        var at = new DateTimeOffset(2026, 12, 7, 23, 30, 0, TimeSpan.Zero);
        var (configured, _) = Clock(at, ("Pathway:TimeZone", "Asia/Shanghai"));
        var (unconfigured, _) = Clock(at);

        Assert.Equal(new DateOnly(2026, 12, 8), configured.Today("another-hospital"));
        Assert.Equal(new DateOnly(2026, 12, 8), configured.Today(Hospitals.MartenDefault));
        Assert.Equal(new DateOnly(2026, 12, 7), unconfigured.Today("another-hospital"));
        Assert.Equal(new DateOnly(2026, 12, 7), unconfigured.Today(Hospitals.MartenDefault));
    }

    [Fact]
    public async Task Given_a_hospital_configured_with_an_unknown_zone_when_the_service_starts_then_it_stops_naming_the_hospital_and_the_zone()
    {
        using var host = Host(("Pathway:Hospitals:harbour-view:TimeZone", "Pacific/Atlantis"));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("harbour-view", refused.Message);
        Assert.Contains("Pacific/Atlantis", refused.Message);
        Assert.Contains("Pathway:Hospitals:harbour-view:TimeZone", refused.Message);
    }

    [Fact]
    public async Task Given_an_unknown_default_zone_when_the_service_starts_then_it_stops_naming_the_default_hospital()
    {
        using var host = Host(("Pathway:DefaultHospital", "city-hospital"), ("Pathway:TimeZone", "Europe/Londres"));

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("city-hospital", refused.Message);
        Assert.Contains("Europe/Londres", refused.Message);
    }

    private static (HospitalClock Clock, FakeTimeProvider Time) Clock(DateTimeOffset at, params (string Key, string Value)[] settings)
    {
        var time = new FakeTimeProvider(at);
        IReadOnlyList<(string, string)> zones = settings.Length > 0 ? settings :
        [
            ($"Pathway:Hospitals:{Auckland}:TimeZone", "Pacific/Auckland"),
            ($"Pathway:Hospitals:{LosAngeles}:TimeZone", "America/Los_Angeles"),
        ];
        using var host = Host(zones.ToArray());
        var options = Options.Create(host.Services.GetRequiredService<IOptions<HospitalTimeZones>>().Value);
        return (new HospitalClock(time, options), time);
    }

    private static IHost Host(params (string Key, string Value)[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton(Hospitals.FromConfiguration(builder.Configuration));
        builder.AddHospitalClock();
        return builder.Build();
    }
}
