using System.Net;
using HccPathway.Coordinator.Api;
using HccPathway.Coordinator.Components.Pages.Patient;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// Tumour marker samples on the patient page: a coordinator corrects one (the recorded values as the starting point) or
/// marks it entered in error, each with a reason and the version read; a refusal shows the service's words and changes nothing.
/// </summary>
public sealed class TumourMarkerListTests : BunitContext
{
    private static readonly Guid PathwayId = Guid.NewGuid();
    private static readonly Guid SampleId = Guid.NewGuid();
    private static readonly DateOnly SampledOn = new(2026, 11, 20);

    private static Versioned<MarkerTrendView> Markers() => new(new MarkerTrendView(null,
        [new MarkerSampleView(SampledOn, 1250m) { SampleId = SampleId, DcpMilliUnitsPerMillilitre = 300m }]), "\"21\"");

    private (StubServices Stub, List<string?> IfMatch) Stub(string role, Func<HttpResponseMessage> answer)
    {
        var ifMatch = new List<string?>();
        var stub = new StubServices(request =>
        {
            ifMatch.Add(request.Headers.IfMatch.FirstOrDefault()?.ToString());
            return answer();
        });
        StubServices.Register(this, stub, role: role);
        return (stub, ifMatch);
    }

    [Fact]
    public void A_correction_sends_the_recorded_values_with_the_changed_one_its_reason_and_the_version()
    {
        var (stub, ifMatch) = Stub("coordinator", () => StubServices.Json(HttpStatusCode.OK, "{}"));
        var changed = 0;
        var view = Render<TumourMarkerList>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Markers, Markers()).Add(c => c.OnChanged, () => changed++));

        var row = view.Find($"tr[data-sample='{SampleId}']");
        Assert.Equal("1250", row.QuerySelector("[data-testid=afp]")!.TextContent);
        Assert.Equal("300", row.QuerySelector("[data-testid=dcp]")!.TextContent);
        view.Find($"#correct-afp-{SampleId}").Change("125");
        view.Find($"#correct-reason-{SampleId}").Change("Transcription error: 125 ng/mL on the laboratory report");
        view.FindAll("button").Single(b => b.TextContent == "Correct sample").Click();

        view.WaitForAssertion(() => Assert.Equal(1, changed));
        var (method, path, body) = Assert.Single(stub.Requests);
        Assert.Equal((HttpMethod.Post, $"/pathways/{PathwayId}/tumour-markers/{SampleId}/correction"), (method, path));
        Assert.Equal("""{"sampledOn":"2026-11-20","afp":{"value":125,"unit":"ng/mL"},"dcp":{"value":300,"unit":"mAU/mL"},"reason":"Transcription error: 125 ng/mL on the laboratory report"}""", body);
        Assert.Equal("\"21\"", Assert.Single(ifMatch));
    }

    [Fact]
    public void Entered_in_error_without_a_reason_and_on_a_baseline_sample_are_refused_in_the_services_words()
    {
        var answers = new Queue<HttpResponseMessage>([
            StubServices.Json(HttpStatusCode.BadRequest, """
                {"title":"The reason is missing.","status":400,"errors":{"reason":["Required: why the record is corrected (history keeps both)."]}}
                """),
            StubServices.Json(HttpStatusCode.Conflict, $$"""
                {"title":"The pathway's state does not allow this.","status":409,
                 "detail":"Sample {{SampleId}} is the marker baseline later samples are compared with; correct it instead."}
                """),
        ]);
        var (stub, _) = Stub("clinician", answers.Dequeue);
        var changed = 0;
        var view = Render<TumourMarkerList>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Markers, Markers()).Add(c => c.OnChanged, () => changed++));

        view.FindAll("button").Single(b => b.TextContent == "Mark entered in error").Click();
        view.WaitForAssertion(() => Assert.Contains("reason: Required: why the record is corrected", view.Find("[data-testid=problem]").TextContent));

        view.Find($"#error-reason-{SampleId}").Change("Sample of another patient");
        view.FindAll("button").Single(b => b.TextContent == "Mark entered in error").Click();
        view.WaitForAssertion(() => Assert.Contains("is the marker baseline later samples are compared with; correct it instead.", view.Find("[data-testid=problem]").TextContent));

        Assert.Equal(0, changed);
        Assert.All(stub.Requests, r => Assert.Equal($"/pathways/{PathwayId}/tumour-markers/{SampleId}/entered-in-error", r.Path));
        Assert.Equal("""{"reason":"Sample of another patient"}""", stub.Requests[1].Body);
    }

    [Fact]
    public void Schedulers_and_auditors_see_the_samples_without_actions()
    {
        Stub("scheduler", () => StubServices.Json(HttpStatusCode.OK, "{}"));

        var view = Render<TumourMarkerList>(p => p.Add(c => c.PathwayId, PathwayId).Add(c => c.Markers, Markers()));

        Assert.Single(view.FindAll("[data-testid=marker-row]"));
        Assert.Empty(view.FindAll("button"));
    }
}
