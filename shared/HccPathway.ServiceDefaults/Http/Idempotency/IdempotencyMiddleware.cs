using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>
/// Applies the <c>Idempotency-Key</c> contract to every command (POST, PUT, PATCH, DELETE) of a service that writes
/// pathway streams: a key already answered is replayed (or 422 for a different request); otherwise the request runs
/// and <see cref="EventStore.PathwayWriter"/> records its response in the transaction that appends its events.
/// Runs after authentication and authorisation, so the key is scoped to an authenticated caller.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) && !HttpMethods.IsPut(context.Request.Method)
            && !HttpMethods.IsPatch(context.Request.Method) && !HttpMethods.IsDelete(context.Request.Method)
            || context.GetEndpoint() is not RouteEndpoint endpoint
            || !context.Request.Headers.TryGetValue(IdempotentRequest.Header, out var keys)
            || context.RequestServices.GetService<IdempotentCommands>() is not { } commands)
        {
            await next(context);
            return;
        }

        if (keys.Count != 1 || keys[0] is not { } key || !IdempotentRequest.IsValidKey(key))
        {
            await Results.ValidationProblem(
                    new Dictionary<string, string[]>
                    {
                        [IdempotentRequest.Header] = [$"One key of 1 to {IdempotentRequest.MaxKeyLength} printable ASCII characters without spaces, such as a UUID."],
                    },
                    title: "The request is invalid.")
                .ExecuteAsync(context);
            return;
        }

        var body = await ReadBody(context.Request, context.RequestAborted);
        context.Features.Set(IdempotentRequest.For(context, endpoint, key, body));
        if (await commands.Recorded(context.RequestAborted) is { } recorded)
        {
            await recorded.ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static async Task<byte[]> ReadBody(HttpRequest request, CancellationToken cancellation)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, cancellation);
        request.Body.Position = 0;
        return copy.ToArray();
    }
}
