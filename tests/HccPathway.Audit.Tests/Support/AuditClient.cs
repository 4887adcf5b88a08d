using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace HccPathway.Audit.Tests.Support;

/// <summary>The audit API as an auditor's client calls it.</summary>
public static class AuditClient
{
    public static async Task<JsonElement> Json(this HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<JsonElement> History(this HttpClient http, Guid id, string query = "pageSize=500") =>
        http.Json($"/pathways/{id}/history?{query}");

    public static Task<JsonElement> State(this HttpClient http, Guid id, string query = "") =>
        http.Json($"/pathways/{id}/state?{query}");

    public static Task<JsonElement> Verification(this HttpClient http, Guid id) => http.Json($"/pathways/{id}/verification");

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    public static string Instant(this JsonElement entry) => Uri.EscapeDataString(entry.GetProperty("recordedAt").GetString()!);
}
