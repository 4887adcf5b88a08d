using HccPathway.ServiceDefaults.EventStore;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.Http;

/// <summary>Writes a body with the pathway version as a strong ETag, so the next write can send it back in If-Match.</summary>
public sealed class VersionedResult(object body, int statusCode, string? location, long version) : IResult
{
    public VersionedResult(Appended appended, int statusCode, string? location)
        : this(appended, statusCode, location, appended.Version)
    {
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.Headers.ETag = ETags.For(version);
        if (location is not null)
        {
            httpContext.Response.Headers.Location = location;
        }

        await httpContext.Response.WriteAsJsonAsync(body, body.GetType());
    }
}
