using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HccPathway.Scheduling.Tests.Api;

/// <summary>Scheduling's HTTP API as a coordinator's (or clinician's) client calls it.</summary>
public sealed class SchedulingClient(HttpClient http)
{
    public HttpClient Http => http;

    public Task<HttpResponseMessage> Post(Guid pathwayId, string path, object body, long? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/pathways/{pathwayId}/therapy/{path}") { Content = JsonContent.Create(body) };
        if (ifMatch is { } version)
        {
            request.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\"");
        }

        return http.SendAsync(request);
    }

    public async Task<JsonElement> Calendar(Guid pathwayId, DateOnly? asOf = null)
    {
        var response = await http.GetAsync($"/pathways/{pathwayId}/therapy" + (asOf is { } d ? $"?asOf={d:yyyy-MM-dd}" : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

public static class CalendarJson
{
    public static IEnumerable<JsonElement> Items(this JsonElement calendar) => calendar.GetProperty("items").EnumerateArray();

    public static JsonElement Item(this JsonElement calendar, string itemId) =>
        calendar.Items().Single(i => i.GetProperty("itemId").GetString() == itemId);

    public static DateOnly Date(this JsonElement e, string property) => DateOnly.Parse(e.GetProperty(property).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    public static string Str(this JsonElement e, string property) => e.GetProperty(property).GetString()!;
}
