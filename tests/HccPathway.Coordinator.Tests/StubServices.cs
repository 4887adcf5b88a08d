using System.Net;
using System.Text;
using HccPathway.Coordinator.Api;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace HccPathway.Coordinator.Tests;

/// <summary>
/// Component tests only: the services' HTTP answers are canned so a test can look at how a form shows them. Every
/// request the component made is kept for assertions.
/// </summary>
public sealed class StubServices : IHttpClientFactory
{
    private readonly Func<HttpRequestMessage, Task<HttpResponseMessage>> answer;

    public StubServices(Func<HttpRequestMessage, HttpResponseMessage> answer) => this.answer = request => Task.FromResult(answer(request));

    /// <summary>For a test that decides when each answer arrives (a slow service).</summary>
    public StubServices(Func<HttpRequestMessage, Task<HttpResponseMessage>> answer) => this.answer = answer;

    public List<(HttpMethod Method, string Path, string? Body)> Requests { get; } = [];

    public HttpClient CreateClient(string name) => new(new Handler(this)) { BaseAddress = new Uri($"http://{name}") };

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, status >= HttpStatusCode.BadRequest ? "application/problem+json" : "application/json") };

    public static void Register(BunitContext context, StubServices stub, string user = "cora", string role = "coordinator")
    {
        context.AddAuthorization().SetAuthorized(user).SetRoles(role);
        context.Services.AddSingleton<IHttpClientFactory>(stub);
        context.Services.AddSingleton(TimeProvider.System);
        context.Services.AddScoped<HccPathway.Coordinator.Account.UserTimeProvider>();
        context.Services.AddSingleton(HccPathway.Clinical.Rules.ClinicalRuleSet.Default);
        context.Services.AddScoped(sp => new PathwayApi(stub,
            sp.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>(), NullLogger<PathwayApi>.Instance));
    }

    private sealed class Handler(StubServices stub) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            stub.Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
            return await stub.answer(request);
        }
    }
}
