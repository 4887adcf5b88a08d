using System.Net;
using System.Text;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>The patient page inlines Assessment's SVG chart (fetched with the user's token) into the response history.</summary>
public sealed class ResponseChartTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();

    private static readonly string Summary = $$"""
        {"id":"{{PathwayId}}","version":3,"medicalRecordNumber":"MRN-3","fullName":"Ada Example","dateOfBirth":"1960-01-02","sex":"female",
         "referralDate":"2026-01-01","referringCentre":"City","phase":"Enrolled","eligibilityRules":[],"eligibilityCriteria":[]}
        """;

    private static string Criteria(string name) =>
        $$"""{"criteria":"{{name}}","ruleId":"RESP","category":null,"sumMm":80,"baselineSumMm":80,"reason":"baseline"}""";

    private static readonly string Response = $$"""
        {"studies":[{"studyId":"{{Guid.NewGuid()}}","studyOn":"2026-10-03","modality":"ct","isBaseline":true,
          "recist":{{Criteria("recist")}},"mrecist":{{Criteria("mrecist")}},"extrahepaticStatus":"none"}],
         "bestOverallRecist":null,"bestOverallMrecist":null}
        """;

    private const string Svg =
        """<svg xmlns="http://www.w3.org/2000/svg" width="760" height="380" viewBox="0 0 760 380" role="img"><title>Response history</title><g data-series="recist-sum"><circle cx="64" cy="100" r="4" /></g></svg>""";

    [Fact]
    public void The_response_history_shows_the_services_svg_chart_not_a_placeholder()
    {
        var stub = new StubServices(request => request.RequestUri!.AbsolutePath switch
        {
            var p when request.RequestUri.Host == "intake" && p == $"/pathways/{PathwayId}" => StubServices.Json(HttpStatusCode.OK, Summary),
            var p when p == $"/pathways/{PathwayId}/response" => StubServices.Json(HttpStatusCode.OK, Response),
            var p when p == $"/pathways/{PathwayId}/response/chart.svg" =>
                new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(Svg, Encoding.UTF8, "image/svg+xml") },
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });
        StubServices.Register(this, stub);

        var page = Render<PatientPage>(p => p.Add(c => c.PathwayId, PathwayId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("figure.chart svg")));
        var figure = page.Find("figure.chart");
        Assert.NotNull(figure.QuerySelector("svg g[data-series=recist-sum] circle"));
        Assert.DoesNotContain("chart", figure.TextContent.Replace("Response history", ""));
        Assert.Contains(stub.Requests, r => r.Path == $"/pathways/{PathwayId}/response/chart.svg");
    }
}
