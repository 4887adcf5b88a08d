using System.Text.Json.Serialization;
using HccPathway.ServiceDefaults.Http;
using HccPathway.ServiceDefaults.Http.Idempotency;
using HccPathway.ServiceDefaults.Http.Limits;
using HccPathway.ServiceDefaults.Messaging;
using HccPathway.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using Scalar.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HccPathway.ServiceDefaults;

/// <summary>What every HccPathway service shares: telemetry, health, problem details, discovery and security.</summary>
public static class Extensions
{
    private const string HealthPath = "/health";
    private const string AlivePath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddPathwayProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddPathwaySecurity();
        builder.Services.AddOpenApi(o => o.AddOperationTransformer<IdempotencyOpenApi>());
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.Configure<RequestLimitsOptions>(builder.Configuration.GetSection(RequestLimitsOptions.Section));
        return builder;
    }

    /// <summary>
    /// The request pipeline every service shares: problem details for errors, health endpoints, the catch-up event feed
    /// (in services that publish events), and in Development the token issuer, the OpenAPI document and its reference UI.
    /// </summary>
    public static WebApplication UsePathwayDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // After authentication and authorisation (added before this by the host), so both know the caller.
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapDefaultEndpoints();
        app.MapEventFeed();
        app.MapDevelopmentTokens();
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi().AllowAnonymous();
            app.MapScalarApiReference().AllowAnonymous();
        }

        return app;
    }

    private static void ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Marten", "MassTransit", RelayWatchdog.MeterName))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "Marten", "MassTransit")
                .AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments(HealthPath) && !context.Request.Path.StartsWithSegments(AlivePath))
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        return app;
    }

    /// <summary>Reads a required connection string, failing at start-up with the fix rather than hanging later.</summary>
    public static string RequireConnectionString(this IConfiguration configuration, string name) =>
        configuration.GetConnectionString(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Connection string '{name}' is not set. Run 'deploy/local/infra-up.sh' and source '.local/infra.env', " +
                $"or set ConnectionStrings__{name}.");
}
