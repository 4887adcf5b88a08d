using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HccPathway.ServiceDefaults.Http.Limits;

/// <summary>The <c>RequestLimits</c> configuration section.</summary>
public sealed class RequestLimitsOptions
{
    public const string Section = "RequestLimits";

    /// <summary>No command body is anywhere near this; a larger one is refused with 413 before it is parsed.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}

/// <summary>
/// Refuses request bodies over <see cref="RequestLimitsOptions.MaxBodyBytes"/> with 413 problem details, whether the
/// size is declared (Content-Length) or only found while reading (chunked). The body is read into memory here, which
/// the idempotency fingerprint needs anyway, so the handler never sees a partial body.
/// </summary>
internal sealed class RequestBodyLimitMiddleware(RequestDelegate next, Microsoft.Extensions.Options.IOptions<RequestLimitsOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxBodyBytes;
        var request = context.Request;
        if (request.ContentLength is { } declared && declared > limit)
        {
            await TooLarge(context, limit);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } server)
        {
            server.MaxRequestBodySize = limit;
        }

        if (request.ContentLength is 0 || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            await next(context);
            return;
        }

        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    await TooLarge(context, limit);
                    return;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await TooLarge(context, limit);
            return;
        }

        if (ContainsNulEscape(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            // PostgreSQL's jsonb cannot hold U+0000: such a value would fail at commit as a server error.
            await Results.ValidationProblem(
                    new Dictionary<string, string[]> { ["body"] = ["Text must not contain the NUL character (\\u0000)."] },
                    title: "The request is invalid.")
                .ExecuteAsync(context);
            return;
        }

        buffer.Position = 0;
        request.Body = buffer;
        await next(context);
    }

    private static bool ContainsNulEscape(ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> escape = "\\u0000"u8;
        return body.IndexOf(escape) >= 0;
    }

    private static Task TooLarge(HttpContext context, long limit) =>
        Results.Problem(
                $"The request body is larger than {limit} bytes.",
                title: "The request is too large.",
                statusCode: StatusCodes.Status413PayloadTooLarge)
            .ExecuteAsync(context);
}
