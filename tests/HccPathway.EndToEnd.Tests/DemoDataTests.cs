using System.Text.Json;
using HccPathway.DemoData;
using HccPathway.Testing;
using Xunit.Abstractions;

namespace HccPathway.EndToEnd.Tests;

/// <summary>The demo-data seeder's core against the in-process services: one patient per stage, each where it should be.</summary>
public sealed class DemoDataTests(PathwaySystem system, ITestOutputHelper output) : IClassFixture<PathwaySystem>
{
    [Fact]
    public async Task Ten_seeded_patients_stand_at_the_ten_stages_as_the_read_APIs_show_them()
    {
        var api = system.ClinicianApi("demo-seeder");
        var seeded = await DemoSeeder.SeedAsync(api, 10, output.WriteLine);

        Assert.Equal(Enum.GetValues<DemoStage>(), seeded.Select(p => p.Stage));
        foreach (var patient in seeded)
        {
            var id = patient.PathwayId;
            var phase = (await api.Summary(id)).Str("phase");
            var therapy = await api.TherapyOrNull(id);
            switch (patient.Stage)
            {
                case DemoStage.Registered:
                    Assert.Equal("Registered", phase);
                    break;
                case DemoStage.Baseline:
                    Assert.Equal("EligibilityDecided", phase);
                    Assert.True((await api.Summary(id)).GetProperty("eligible").GetBoolean());
                    Assert.Null(therapy);
                    break;
                case DemoStage.Ineligible:
                    Assert.False((await api.Summary(id)).GetProperty("eligible").GetBoolean());
                    Assert.Null(therapy);
                    break;
                case DemoStage.OnTherapy:
                    Assert.Equal("Enrolled", phase);
                    Assert.Equal(["lenvatinib-start", "pre-dose-labs", "tace", "camrelizumab"], Done(therapy!.Value));
                    break;
                case DemoStage.AdverseEventHold:
                    Assert.NotNull(ConversionJourney.OpenHold(therapy!.Value, "camrelizumab"));
                    break;
                case DemoStage.Responding:
                    var studies = (await api.Responses(id)).GetProperty("studies").EnumerateArray().ToArray();
                    Assert.Equal("PR", studies[^1].GetProperty("mrecist").Str("category"));
                    Assert.Equal("SD", studies[^1].GetProperty("recist").Str("category"));
                    Assert.Null(ConversionJourney.OpenHold(therapy!.Value, "camrelizumab"));
                    break;
                case DemoStage.ReadyForSurgery:
                    Assert.Equal("ready", (await api.Readiness(id)).Str("verdict"));
                    break;
                case DemoStage.ResectedWithAdjuvant:
                    await api.TherapyWhen(id, t => t.GetProperty("items").EnumerateArray().Any(i => i.Str("phase") == "adjuvant"), "the adjuvant plan");
                    break;
                case DemoStage.WatchAndWait:
                case DemoStage.SecondLine:
                    var suggestions = await api.MdtSuggestions(id);
                    Assert.Equal(patient.Stage == DemoStage.WatchAndWait ? "watch-and-wait" : "second-line", await LastMdtOutcome(system, id));
                    Assert.True(suggestions.GetProperty("suggestions").GetArrayLength() > 0);
                    break;
            }
        }
    }

    private static IEnumerable<string> Done(JsonElement therapy) => therapy.GetProperty("items").EnumerateArray()
        .Where(i => i.Str("status") == "done").Select(i => i.Str("itemType")).Distinct();

    // The decision reaches the wire through the relay, a moment after the seeding's last call returned.
    private static Task<string> LastMdtOutcome(PathwaySystem system, Guid id) => Eventually.Get(
        () => Task.FromResult(system.Wire.Received
            .Where(m => m.Header("hcc-pathway-id") == id.ToString() && m.Header("hcc-event-name") == "surgery-planning.mdt-decision-recorded.v1")
            .Select(m => m.Message.Str("outcome")).LastOrDefault()),
        TimeSpan.FromSeconds(30), "the MDT decision on the wire");
}
