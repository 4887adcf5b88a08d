using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.ServiceDefaults.Http;

/// <summary>
/// A read model of one pathway, sent with the pathway stream's current version as its ETag. A read model's own version
/// only counts its own service's events; the stream is shared, so If-Match must name the stream's version.
/// </summary>
public sealed class PathwayReadResult(object body, Guid pathwayId) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var session = httpContext.RequestServices.GetRequiredService<IQuerySession>();
        var state = await session.Events.FetchStreamStateAsync(pathwayId, httpContext.RequestAborted);
        await new VersionedResult(body, StatusCodes.Status200OK, null, state?.Version ?? 0).ExecuteAsync(httpContext);
    }
}
