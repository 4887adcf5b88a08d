using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HccPathway.ServiceDefaults.Http;

/// <summary>
/// A request that fails because PostgreSQL is restarting, unreachable or refusing connections is the client's to
/// retry, not a server bug: 503 problem details with Retry-After, instead of 500. The transaction it was in is rolled
/// back by PostgreSQL, so nothing was half-applied; a retry with If-Match cannot apply it twice.
/// </summary>
public sealed class TransientFailureHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>Seconds a client should wait: a fast PostgreSQL restart takes about this long.</summary>
    public const int RetryAfterSeconds = 2;

    // SQLSTATE classes and codes that say "the server is going away or not there yet", not "your request is wrong":
    // 08 connection exception, 57P01-57P03 admin/crash shutdown and "cannot connect now", 53300 too many connections,
    // 40001/40P01 serialisation failure and deadlock.
    private static readonly string[] TransientStates = ["57P01", "57P02", "57P03", "53300", "40001", "40P01"];

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || http.Response.HasStarted)
        {
            return false;
        }

        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The pathway store is briefly unavailable.",
                Detail = $"The change was not confirmed. Retry after {RetryAfterSeconds} seconds; send If-Match so a retry cannot apply it twice.",
                Type = "https://httpwg.org/specs/rfc9110.html#status.503",
            },
        });
    }

    /// <summary>True when <paramref name="exception"/> or any exception inside it is a transient database or network fault.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return postgres.IsTransient
                        || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || TransientStates.Contains(postgres.SqlState);
                case NpgsqlException { IsTransient: true }:
                case SocketException:
                case EndOfStreamException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsTransient):
                    return true;
            }
        }

        return false;
    }
}

internal static class TransientFailureSetup
{
    public static IServiceCollection AddTransientFailureProblems(this IServiceCollection services) =>
        services.AddExceptionHandler<TransientFailureHandler>();
}
