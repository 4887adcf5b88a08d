using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Intake.Pathways.Registering;
using HccPathway.Intake.Pathways.RecordingBaseline;

namespace HccPathway.Intake.Tests.Api;

/// <summary>Intake's HTTP API as a coordinator's client calls it.</summary>
public sealed class IntakeClient(HttpClient http)
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> Register(string mrn = "MRN-7") => http.PostAsJsonAsync(
        "/pathways", new RegisterPatient.Request(mrn, "Ada Example", new DateOnly(1966, 3, 14), "female", Today, "City Hospital"));

    public async Task<Guid> RegisterNew()
    {
        var response = await Register();
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("pathwayId").GetGuid();
    }

    public Task<HttpResponseMessage> RecordBaseline(Guid id, RecordBaselineRequest request, long? ifMatch = null) =>
        Send(HttpMethod.Post, $"/pathways/{id}/baseline", request, ifMatch);

    public Task<HttpResponseMessage> DecideEligibility(Guid id, long? ifMatch = null) =>
        Send(HttpMethod.Post, $"/pathways/{id}/eligibility", null, ifMatch);

    public Task<HttpResponseMessage> Enrol(Guid id, long? ifMatch = null) =>
        Send(HttpMethod.Post, $"/pathways/{id}/enrolment", new { enrolledOn = Today, rationale = "MDT: convert first." }, ifMatch);

    public Task<HttpResponseMessage> CorrectBaseline(Guid id, Guid baselineId, RecordBaselineRequest? values, string? reason, long? ifMatch = null) =>
        Send(HttpMethod.Post, $"/pathways/{id}/baseline/{baselineId}/correction", new { values, reason }, ifMatch);

    public Task<HttpResponseMessage> MarkBaselineEnteredInError(Guid id, Guid baselineId, string? reason, long? ifMatch = null) =>
        Send(HttpMethod.Post, $"/pathways/{id}/baseline/{baselineId}/entered-in-error", new { reason }, ifMatch);

    /// <summary>The id of the baseline in effect, as the patient summary shows it.</summary>
    public async Task<Guid> BaselineId(Guid id) =>
        (await http.GetFromJsonAsync<JsonElement>($"/pathways/{id}")).GetProperty("baselineId").GetGuid();

    private Task<HttpResponseMessage> Send(HttpMethod method, string path, object? body, long? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return http.SendAsync(request);
    }
}

public static class ResponseAssertions
{
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static long ETagVersion(this HttpResponseMessage response) => long.Parse(response.Headers.ETag!.Tag.Trim('"'));
}
