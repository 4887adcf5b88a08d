using OpenTelemetry.Metrics;

namespace HccPathway.Audit.Anchor;

public static class AnchorSetup
{
    /// <summary>
    /// The chain anchor of the web host: its signing key and checkpoint log (checked now, so a service without them
    /// stops at start outside Development), the publisher, and its counters. Call before <c>AddAuditReading</c>.
    /// </summary>
    public static IHostApplicationBuilder AddChainAnchoring(this IHostApplicationBuilder builder)
    {
        var configuration = AnchorConfiguration.ForSigning(builder.Configuration, builder.Environment.IsDevelopment());
        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton(new AnchorLog(configuration.LogPath!, configuration.Trusted));
        builder.Services.AddSingleton<AnchorMetrics>();
        builder.Services.AddSingleton<AnchorPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnchorPublisher>());
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(AnchorMetrics.MeterName));
        return builder;
    }
}
