using HccPathway.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace HccPathway.Faults.Tests.Phi;

/// <summary>A service host whose every logger, at every level including Debug and Trace, also writes to <see cref="CapturedText"/>.</summary>
public sealed class CapturingServiceFactory<TProgram>(
    InfrastructureEndpoints infrastructure, IsolatedSchemas schemas, string service, CapturedText captured)
    : PathwayServiceFactory<TProgram>(infrastructure, schemas, service)
    where TProgram : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(new CapturingLoggerProvider(captured));

            // A rule for this provider alone outranks every category rule in appsettings: it sees everything.
            logging.AddFilter<CapturingLoggerProvider>(null, LogLevel.Trace);
        });
    }
}
