using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using HccPathway.Coordinator.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace HccPathway.Coordinator.Api;

/// <summary>
/// The five services' HTTP APIs as the signed-in user calls them: every request carries the user's own bearer token,
/// so the services authorise the person, not this app. Reads return null on 404; writes return the problem details.
/// </summary>
public sealed class PathwayApi(IHttpClientFactory clients, AuthenticationStateProvider authentication, ILogger<PathwayApi> log)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<Versioned<T>?> Get<T>(string service, string path, CancellationToken ct = default)
    {
        using var request = await Request(HttpMethod.Get, path, null, null);
        using var response = await Send(service, request, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new PathwayApiException(Problem.Parse((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)));
        }

        var value = await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new PathwayApiException(Problem.Parse((int)response.StatusCode, "{}"));
        return new Versioned<T>(value, response.Headers.ETag?.ToString());
    }

    /// <summary>Posts a command. With <paramref name="ifMatch"/> the service refuses (409) if the patient changed since it was read.</summary>
    public async Task<ApiOutcome> Post(string service, string path, object? body, string? ifMatch = null, CancellationToken ct = default)
    {
        using var request = await Request(HttpMethod.Post, path, body, ifMatch);
        HttpResponseMessage response;
        try
        {
            response = await Send(service, request, ct);
        }
        catch (HttpRequestException e)
        {
            log.LogWarning(e, "POST to {Service} failed", service);
            return new ApiOutcome(default, Problem.Unreachable(service));
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
            {
                return new ApiOutcome(default, Problem.Parse((int)response.StatusCode, text));
            }

            return new ApiOutcome(text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone(), null);
        }
    }

    private async Task<HttpRequestMessage> Request(HttpMethod method, string path, object? body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path);
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Token() is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body, options: Json);
        }

        return request;
    }

    private Task<HttpResponseMessage> Send(string service, HttpRequestMessage request, CancellationToken ct) =>
        clients.CreateClient(service).SendAsync(request, ct);
}

/// <summary>A read the service refused (other than 404): shown to the user with its problem details.</summary>
public sealed class PathwayApiException(Problem problem) : Exception(problem.Title)
{
    public Problem Problem => problem;
}
