using System.Text.Json;
using HccPathway.ServiceDefaults.Security;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

/// <summary>
/// The response chart is drawn by the Coordinator from two reads: the response history (a sum per study under each
/// criterion) and the marker trend (AFP from the intake baseline on). Assessment returns data, never a picture.
/// </summary>
[Collection(AssessmentServiceCollection.Name)]
public sealed class ChartDataApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-90);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    [Fact]
    public async Task The_response_history_and_marker_trend_give_every_study_sum_and_AFP_value_with_its_date()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(3), Liver("L1", 60m, 50m), Lung("P1", 20m))).Ok();
        await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(45), Liver("L1", 40m, 10m), Lung("P1", 15m))).Ok();
        await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(85), Liver("L1", 30m, 0m), Lung("P1", 12m))).Ok();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = EnrolledOn.AddDays(44), afp = new { value = 35, unit = "ng/mL" } }).Ok();

        var history = await clinician.Get($"/pathways/{id}/response");
        var trend = await clinician.Get($"/pathways/{id}/tumour-markers");

        var studies = history.GetProperty("studies").EnumerateArray().ToArray();
        Assert.Equal(
            [(EnrolledOn.AddDays(3), 80m), (EnrolledOn.AddDays(45), 55m), (EnrolledOn.AddDays(85), 42m)],
            studies.Select(s => (Date(s.GetProperty("studyOn")), s.GetProperty("recist").GetProperty("sumMm").GetDecimal())));
        Assert.Equal([70m, 25m, 12m], studies.Select(s => s.GetProperty("mrecist").GetProperty("sumMm").GetDecimal()));

        // The chart labels each sum with its category, the baseline study with none.
        Assert.Equal(JsonValueKind.Null, studies[0].GetProperty("recist").GetProperty("category").ValueKind);
        Assert.All(studies.Skip(1), s => Assert.False(string.IsNullOrEmpty(s.GetProperty("mrecist").GetProperty("category").GetString())));

        var baseline = trend.GetProperty("baseline");
        Assert.Equal(
            [(EnrolledOn.AddDays(-10), 400m), (EnrolledOn.AddDays(44), 35m)],
            new[] { (Date(baseline.GetProperty("measuredOn")), baseline.GetProperty("afpNanogramsPerMillilitre").GetDecimal()) }
                .Concat(trend.GetProperty("samples").EnumerateArray()
                    .Select(s => (Date(s.GetProperty("sampledOn")), s.GetProperty("afpNanogramsPerMillilitre").GetDecimal()))));
    }

    private static DateOnly Date(JsonElement value) => DateOnly.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
