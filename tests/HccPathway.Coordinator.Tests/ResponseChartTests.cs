using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using HccPathway.Contracts.Assessment;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;
using PatientPage = HccPathway.Coordinator.Components.Pages.Patient.PatientPage;

namespace HccPathway.Coordinator.Tests;

/// <summary>The response chart is drawn by the Coordinator from Assessment's response history and marker trend.</summary>
public sealed class ResponseChartTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly DateOnly Baseline = new(2026, 3, 12);

    private readonly (CultureInfo, CultureInfo) culture = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    // Dates are written in the user's language; these tests read them as en-GB does.
    public ResponseChartTests() => CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");

    protected override void Dispose(bool disposing)
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = culture;
        base.Dispose(disposing);
    }

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

    private static readonly string Markers = $$"""
        {"id":"{{PathwayId}}","version":4,
         "baseline":{"measuredOn":"2026-09-20","afpNanogramsPerMillilitre":400,"dcpMilliUnitsPerMillilitre":null,"sourceEventId":"{{Guid.NewGuid()}}"},
         "samples":[{"sampleId":"{{Guid.NewGuid()}}","sampledOn":"2026-11-02","afpNanogramsPerMillilitre":35,"dcpMilliUnitsPerMillilitre":null,
                     "afpResponse":null,"afpNormalisation":null,"dcpNormalisation":null}]}
        """;

    [Fact]
    public void The_patient_page_draws_the_chart_from_the_response_history_and_marker_trend_not_a_placeholder()
    {
        var stub = new StubServices(request => request.RequestUri!.AbsolutePath switch
        {
            var p when request.RequestUri.Host == "intake" && p == $"/pathways/{PathwayId}" => StubServices.Json(HttpStatusCode.OK, Summary),
            var p when p == $"/pathways/{PathwayId}/response" => StubServices.Json(HttpStatusCode.OK, Response),
            var p when p == $"/pathways/{PathwayId}/tumour-markers" => StubServices.Json(HttpStatusCode.OK, Markers),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        });
        StubServices.Register(this, stub);

        var page = Render<PatientPage>(p => p.Add(c => c.PathwayId, PathwayId));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("figure.chart svg")));
        var figure = page.Find("figure.chart");
        var recist = Assert.Single(figure.QuerySelectorAll("svg g[data-series=recist-sum] circle"));
        Assert.Equal(("2026-10-03", "80"), (recist.GetAttribute("data-date"), recist.GetAttribute("data-value")));
        Assert.Equal(["2026-09-20", "2026-11-02"], figure.QuerySelectorAll("svg g[data-series=afp] circle").Select(c => c.GetAttribute("data-date")));
        Assert.DoesNotContain("No studies or tumour markers", figure.TextContent);
        Assert.Contains(stub.Requests, r => r.Path == $"/pathways/{PathwayId}/tumour-markers");
        Assert.DoesNotContain(stub.Requests, r => r.Path.Contains("chart", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_sum_and_AFP_value_is_a_point_placed_by_date_and_value()
    {
        var history = History(
            Study(Baseline, 80m, 70m, null, null),
            Study(Baseline.AddDays(42), 55m, 25m, "SD", "PR"),
            Study(Baseline.AddDays(82), 42m, 12m, "PR", "PR"));
        var markers = new MarkerTrendView(
            new BaselineMarkers(Baseline.AddDays(-13), 400m, null, Guid.NewGuid()),
            [new MarkerSampleView(Baseline.AddDays(41), 35m), new MarkerSampleView(Baseline.AddDays(60), null)]);

        var chart = Render<ResponseChart>(p => p.Add(c => c.History, history).Add(c => c.Markers, markers));

        var recist = Series(chart, ResponseChart.RecistSeries);
        Assert.Equal(
            [(Baseline, 80m), (Baseline.AddDays(42), 55m), (Baseline.AddDays(82), 42m)],
            recist.Select(p => (p.Date, p.Value)));
        Assert.Equal([70m, 25m, 12m], Series(chart, ResponseChart.MrecistSeries).Select(p => p.Value));
        var afp = Series(chart, ResponseChart.AfpSeries);
        Assert.Equal([(Baseline.AddDays(-13), 400m), (Baseline.AddDays(41), 35m)], afp.Select(p => (p.Date, p.Value)));

        // Later dates lie further right; a larger sum or AFP value lies higher (smaller y).
        Assert.True(recist[0].X < recist[1].X && recist[1].X < recist[2].X);
        Assert.True(recist[0].Y < recist[1].Y && recist[1].Y < recist[2].Y);
        Assert.True(afp[0].Y < afp[1].Y);
        Assert.True(afp[0].X < recist[0].X);

        // Each point names its series, value, date and category; the sums carry the category above them.
        Assert.Equal("RECIST 1.1 sum of diameters (mm): 55 on 23 Apr 2026 (SD)",
            chart.Find("g[data-series=recist-sum] circle[data-date='2026-04-23'] title").TextContent);
        Assert.Equal(["BL", "PR", "PR"], chart.FindAll("g[data-series=mrecist-sum] > text").Select(t => t.TextContent));
        Assert.Equal(3, chart.FindAll("g[data-series] polyline").Count);
    }

    [Fact]
    public void Dates_on_the_axis_are_written_with_the_month_as_a_word()
    {
        var history = History(Study(Baseline, 80m, 70m, null, null), Study(Baseline.AddDays(42), 55m, 25m, "SD", "PR"));

        var chart = Render<ResponseChart>(p => p.Add(c => c.History, history));

        Assert.Equal(["12 Mar 2026", "23 Apr 2026"], chart.FindAll("g.date-label text").Select(t => t.TextContent));
        Assert.Equal(["2026-03-12", "2026-04-23"], chart.FindAll("g.date-label").Select(g => g.GetAttribute("data-date")));
        Assert.Equal(["0", "18", "36", "54", "72", "90"], chart.FindAll("g.sum-axis > text").SkipLast(1).Select(t => t.TextContent));
        Assert.Equal("Sum of diameters (mm)", chart.FindAll("g.sum-axis > text").Last().TextContent);
        Assert.Equal("AFP (ng/mL)", chart.FindAll("g.afp-axis > text").Last().TextContent);
    }

    [Fact]
    public void With_many_studies_the_date_labels_are_thinned_so_they_do_not_overlap_and_the_first_and_last_keep_theirs()
    {
        // Thirty studies a fortnight apart, and two a day apart at the end.
        var studies = Enumerable.Range(0, 30).Select(i => Study(Baseline.AddDays(14 * i), 80m - i, 70m - i, i == 0 ? null : "SD", i == 0 ? null : "SD"))
            .Append(Study(Baseline.AddDays(14 * 29 + 1), 50m, 40m, "SD", "SD"))
            .ToArray();

        var chart = Render<ResponseChart>(p => p.Add(c => c.History, History(studies)));

        Assert.Equal(31, chart.FindAll("g[data-series=recist-sum] circle").Count);
        Assert.Equal(31, chart.FindAll("line.date-tick").Count);
        var labels = chart.FindAll("g.date-label text").Select(t => (X: double.Parse(t.GetAttribute("x")!, CultureInfo.InvariantCulture), t.TextContent)).ToArray();
        Assert.InRange(labels.Length, 2, 10);
        Assert.All(labels.Zip(labels.Skip(1)), pair => Assert.True(pair.Second.X - pair.First.X >= ResponseChart.MinimumLabelGap,
            $"{pair.First.TextContent} and {pair.Second.TextContent} are {pair.Second.X - pair.First.X} apart"));
        Assert.Equal("12 Mar 2026", labels[0].TextContent);
        Assert.Equal(Baseline.AddDays(14 * 29 + 1).ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB")), labels[^1].TextContent);

        // The values of the studies whose dates are not labelled stay readable in the table.
        Assert.Equal(31, chart.FindAll("[data-testid=chart-data] tbody tr").Count);
    }

    [Fact]
    public void The_chart_has_a_title_a_description_and_a_table_of_its_values()
    {
        var history = History(Study(Baseline, 80m, 70m, null, null), Study(Baseline.AddDays(42), 55m, 25m, "SD", "PR"));
        var markers = new MarkerTrendView(new BaselineMarkers(Baseline.AddDays(-13), 400m, null, Guid.NewGuid()), []);

        var chart = Render<ResponseChart>(p => p.Add(c => c.History, history).Add(c => c.Markers, markers));

        var svg = chart.Find("figure.chart svg");
        Assert.Equal("img", svg.GetAttribute("role"));
        var labelledBy = svg.GetAttribute("aria-labelledby")!.Split(' ');
        Assert.Equal(ResponseChart.Title, chart.Find($"#{labelledBy[0]}").TextContent);
        Assert.Equal("title", chart.Find($"#{labelledBy[0]}").LocalName);
        var desc = chart.Find($"#{labelledBy[1]}");
        Assert.Equal("desc", desc.LocalName);
        Assert.Contains("2 studies and 1 AFP value, 27 Feb 2026 to 23 Apr 2026", desc.TextContent);
        Assert.Equal(
            [["27 Feb 2026", "", "", "400 (baseline)"], ["12 Mar 2026", "80 (BL)", "70 (BL)", ""], ["23 Apr 2026", "55 (SD)", "25 (PR)", ""]],
            chart.FindAll("[data-testid=chart-data] tbody tr").Select(r => r.Children.Select(c => c.TextContent).ToArray()));
    }

    [Fact]
    public void Without_studies_or_markers_there_is_a_message_and_no_empty_chart()
    {
        var chart = Render<ResponseChart>(p => p.Add(c => c.History, History()).Add(c => c.Markers, new MarkerTrendView(null, [])));

        Assert.Equal("No studies or tumour markers recorded yet.", chart.Find("[data-testid=chart-empty]").TextContent);
        Assert.Empty(chart.FindAll("svg"));
    }

    private static ResponseHistoryView History(params ResponseRowView[] studies) => new(studies, null, null);

    private static ResponseRowView Study(DateOnly on, decimal recist, decimal mrecist, string? recistCategory, string? mrecistCategory) =>
        new(Guid.NewGuid(), on, "ct", recistCategory is null, Criteria("recist", recist, recistCategory), Criteria("mrecist", mrecist, mrecistCategory), "none");

    private static CriteriaResponse Criteria(string name, decimal sum, string? category) =>
        new(name, "RESP", category, sum, 80m, null, null, null, category is null ? "baseline" : "measured", null);

    private sealed record Plotted(DateOnly Date, decimal Value, double X, double Y);

    private static Plotted[] Series(IRenderedComponent<ResponseChart> chart, string series) =>
        chart.FindAll($"g[data-series={series}] circle").Select(Point).OrderBy(p => p.Date).ToArray();

    private static Plotted Point(IElement circle) => new(
        DateOnly.ParseExact(circle.GetAttribute("data-date")!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal.Parse(circle.GetAttribute("data-value")!, CultureInfo.InvariantCulture),
        double.Parse(circle.GetAttribute("cx")!, CultureInfo.InvariantCulture),
        double.Parse(circle.GetAttribute("cy")!, CultureInfo.InvariantCulture));
}
