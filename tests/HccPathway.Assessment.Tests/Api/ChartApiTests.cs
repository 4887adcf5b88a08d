using System.Globalization;
using System.Xml.Linq;
using HccPathway.Assessment.ReadModels;
using HccPathway.ServiceDefaults.Security;
using static HccPathway.Assessment.Tests.Deciders.Studies;

namespace HccPathway.Assessment.Tests.Api;

[Collection(AssessmentServiceCollection.Name)]
public sealed class ChartApiTests(AssessmentService service)
{
    private static readonly DateOnly EnrolledOn = AssessmentClient.Today.AddDays(-90);
    private readonly AssessmentClient clinician = new(service.Factory.ClientAs(Roles.Clinician, "dr-rad"));

    [Fact]
    public async Task The_response_chart_is_an_SVG_with_a_point_per_study_sum_and_AFP_value_placed_by_date_and_value()
    {
        var id = await service.PathwayFromIntake(EnrolledOn);
        await clinician.RecordStudy(id, Baseline(EnrolledOn.AddDays(3), Liver("L1", 60m, 50m), Lung("P1", 20m))).Ok();
        await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(45), Liver("L1", 40m, 10m), Lung("P1", 15m))).Ok();
        await clinician.RecordStudy(id, FollowUp(EnrolledOn.AddDays(85), Liver("L1", 30m, 0m), Lung("P1", 12m))).Ok();
        await clinician.Post($"/pathways/{id}/tumour-markers", new { sampledOn = EnrolledOn.AddDays(44), afp = new { value = 35, unit = "ng/mL" } }).Ok();

        var response = await clinician.Http.GetAsync($"/pathways/{id}/response/chart.svg");

        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        var svg = XDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var points = svg.Descendants().Where(e => e.Name.LocalName == "circle").Select(Point).ToArray();
        Assert.Equal(
            [(EnrolledOn.AddDays(3), 80m), (EnrolledOn.AddDays(45), 55m), (EnrolledOn.AddDays(85), 42m)],
            Series(points, ResponseChart.RecistSeries).Select(p => (p.Date, p.Value)));
        Assert.Equal([70m, 25m, 12m], Series(points, ResponseChart.MrecistSeries).Select(p => p.Value));
        Assert.Equal(
            [(EnrolledOn.AddDays(-10), 400m), (EnrolledOn.AddDays(44), 35m)],
            Series(points, ResponseChart.AfpSeries).Select(p => (p.Date, p.Value)));

        // Later dates lie further right; a larger sum lies higher (smaller y).
        var recist = Series(points, ResponseChart.RecistSeries);
        Assert.True(recist[0].X < recist[1].X && recist[1].X < recist[2].X);
        Assert.True(recist[0].Y < recist[1].Y && recist[1].Y < recist[2].Y);
        var afp = Series(points, ResponseChart.AfpSeries);
        Assert.True(afp[0].Y < afp[1].Y);
    }

    private sealed record Plotted(string Series, DateOnly Date, decimal Value, double X, double Y);

    private static Plotted Point(XElement circle) => new(
        circle.Attribute("data-series")!.Value,
        DateOnly.ParseExact(circle.Attribute("data-date")!.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(circle.Attribute("data-value")!.Value, CultureInfo.InvariantCulture),
        double.Parse(circle.Attribute("cx")!.Value, CultureInfo.InvariantCulture),
        double.Parse(circle.Attribute("cy")!.Value, CultureInfo.InvariantCulture));

    private static Plotted[] Series(IEnumerable<Plotted> points, string series) => points.Where(p => p.Series == series).OrderBy(p => p.Date).ToArray();
}
