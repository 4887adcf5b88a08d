using HccPathway.Contracts;
using HccPathway.Testing;

namespace HccPathway.Intake.Tests.Api;

public sealed class UnknownTimeZoneTests
{
    [Fact]
    public async Task Given_a_hospital_configured_with_an_unknown_zone_when_the_service_starts_then_it_stops_with_a_message_naming_the_hospital_and_the_zone()
    {
        await using var factory = new PathwayServiceFactory<IntakeApi>(
            await Infrastructure.GetAsync(), IsolatedSchemas.New(), Owners.Intake,
            settings: new Dictionary<string, string> { ["Pathway:Hospitals:harbour-view:TimeZone"] = "Pacific/Atlantis" });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Server);

        Assert.Contains("Hospital 'harbour-view' is configured with the unknown time zone 'Pacific/Atlantis'", refused.ToString());
    }
}
