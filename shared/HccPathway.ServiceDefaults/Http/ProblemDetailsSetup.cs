using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace HccPathway.ServiceDefaults.Http;

internal static class ProblemDetailsSetup
{
    public static IServiceCollection AddPathwayProblemDetails(this IServiceCollection services) =>
        services.AddTransientFailureProblems().AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
        });
}
