using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace HccPathway.ServiceDefaults.Http;

/// <summary>
/// A request that cannot be read (malformed JSON, a value of the wrong type, an unparsable query or header value) is
/// the client's error: answer with its 4xx status as problem details, never 500. In Development minimal APIs throw
/// these instead of answering 400 themselves, so without this they would reach the generic handler as 500.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "The request could not be read.",

                // The framework's message names the parameter and the expected type, never the submitted value.
                Detail = bad.Message,
            },
        });
    }
}
