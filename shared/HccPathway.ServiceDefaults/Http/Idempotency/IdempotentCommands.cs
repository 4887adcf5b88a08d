using System.Text.Json;
using HccPathway.ServiceDefaults.EventStore;
using Marten;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

/// <summary>
/// What <see cref="PathwayWriter"/> needs to make a keyed command idempotent: put the response on the same session as
/// the events (one transaction), and find the response another request with the same key already committed.
/// </summary>
public sealed class IdempotentCommands(
    IHttpContextAccessor http,
    IDocumentStore store,
    IOptions<JsonOptions> json,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock)
{
    private IdempotentRequest? Current => http.HttpContext?.Features.Get<IdempotentRequest>();

    /// <summary>
    /// Stores the response this write will give on <paramref name="session"/>, to commit with its events. Inserted, not
    /// upserted: a concurrent request with the same key fails its whole transaction, events included.
    /// </summary>
    public void Remember(IDocumentSession session, Appended appended, int status, string? location)
    {
        if (Current is not { } request)
        {
            return;
        }

        var now = clock.GetUtcNow();
        session.Insert(new IdempotencyRecord
        {
            Id = request.RecordId,
            Fingerprint = request.Fingerprint,
            Endpoint = request.Endpoint,
            Status = status,
            Body = JsonSerializer.Serialize(appended, appended.GetType(), json.Value.SerializerOptions),
            ETag = ETags.For(appended.Version),
            Location = location,
            RecordedAt = now,
            ExpiresAt = now + options.Value.Window,
        });
    }

    /// <summary>
    /// The response already recorded for this request's key (a replay, or 422 when the key was used for a different
    /// request), or null when there is none or the request has no key. An expired record is deleted and counts as none.
    /// </summary>
    public async Task<IResult?> Recorded(CancellationToken cancellation)
    {
        if (Current is not { } request)
        {
            return null;
        }

        await using var query = store.QuerySession();
        if (await query.LoadAsync<IdempotencyRecord>(request.RecordId, cancellation) is not { } record)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (record.ExpiresAt <= now)
        {
            await using var session = store.LightweightSession();
            session.DeleteWhere<IdempotencyRecord>(r => r.Id == record.Id && r.ExpiresAt <= now);
            await session.SaveChangesAsync(cancellation);
            return null;
        }

        return record.Fingerprint == request.Fingerprint
            ? new ReplayedResponse(record)
            : TypedResults.Problem(
                $"This {IdempotentRequest.Header} was already used for a different request to this endpoint. Use a new key for a new request.",
                title: "The idempotency key does not match the original request.",
                statusCode: StatusCodes.Status422UnprocessableEntity);
    }
}

/// <summary>The recorded response, byte for byte, marked as a replay.</summary>
internal sealed class ReplayedResponse(IdempotencyRecord record) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.Status;
        response.ContentType = "application/json; charset=utf-8";
        response.Headers[IdempotentRequest.ReplayedHeader] = "true";
        if (record.ETag is not null)
        {
            response.Headers.ETag = record.ETag;
        }

        if (record.Location is not null)
        {
            response.Headers.Location = record.Location;
        }

        await response.WriteAsync(record.Body, httpContext.RequestAborted);
    }
}
