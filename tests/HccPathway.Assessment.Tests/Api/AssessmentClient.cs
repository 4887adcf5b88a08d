using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Assessment.Pathways.Imaging;

namespace HccPathway.Assessment.Tests.Api;

/// <summary>Assessment's HTTP API as a clinician's client calls it.</summary>
public sealed class AssessmentClient(HttpClient http)
{
    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> RecordStudy(Guid id, RecordImagingRequest request, long? ifMatch = null) =>
        Send($"/pathways/{id}/imaging", request, ifMatch);

    public Task<HttpResponseMessage> Post(string path, object body, long? ifMatch = null) => Send(path, body, ifMatch);

    public Task<JsonElement> Get(string path) => http.GetFromJsonAsync<JsonElement>(path);

    private Task<HttpResponseMessage> Send(string path, object body, long? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
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

    public static async Task<HttpResponseMessage> Ok(this Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response;
    }
}
