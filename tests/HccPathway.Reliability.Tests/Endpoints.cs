using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.Reliability.Tests;

/// <summary>One route and method of one service, as its EndpointDataSource describes it.</summary>
public sealed record ApiEndpoint(ServiceHost Host, string Method, string Pattern, IReadOnlyList<string> Policies, bool Anonymous, Type? BodyType)
{
    public bool IsCommand => Method is "POST" or "PUT" or "PATCH" or "DELETE";

    public override string ToString() => $"{Host.Name} {Method} {Pattern}";

    /// <summary>The pattern with every route parameter filled in by <paramref name="value"/>.</summary>
    public string Path(Func<string, string> value) =>
        Regex.Replace(Pattern, @"\{(?<name>[^}:?]+)[^}]*\}", m => value(m.Groups["name"].Value));
}

public static class Endpoints
{
    /// <summary>Every endpoint every service maps, read from the running hosts, never listed by hand.</summary>
    public static IReadOnlyList<ApiEndpoint> Of(ReliabilitySystem system) => system.All()
        .SelectMany(host => host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new ApiEndpoint(
                host,
                method,
                "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? "(no policy)").Distinct().ToArray(),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))))
        .ToArray();
}
