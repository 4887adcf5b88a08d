using HccPathway.Audit.Anchor;
using HccPathway.Audit.Events;
using HccPathway.Audit.Reads;
using HccPathway.ServiceDefaults;
using HccPathway.ServiceDefaults.EventStore;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace HccPathway.Audit;

public static class AuditServices
{
    /// <summary>
    /// The event store (shared events schema, the audit schema for documents) and the read side over it. Used by the
    /// web host and by the command line, which builds the same services without starting a host.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddAuditReading(this IHostApplicationBuilder builder)
    {
        var marten = builder.AddPathwayEventStore(AuditApi.ServiceName, AuditDocuments.Configure);
        builder.Services.AddSingleton(_ =>
        {
            // A history page carries hundreds of event bodies: with Npgsql's 8 KB read buffer its rows arrive in dozens
            // of socket reads, each arming and disarming the command's timeout.
            var source = new NpgsqlDataSourceBuilder(builder.Configuration.RequireConnectionString("pathway"));
            source.ConnectionStringBuilder.ReadBufferSize = Math.Max(source.ConnectionStringBuilder.ReadBufferSize, 64 * 1024);
            return source.Build();
        });
        builder.Services.AddSingleton(sp => EventRows.FromConfiguration(builder.Configuration, sp.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<EventBodies>();
        builder.Services.AddScoped<PathwayAudit>();
        builder.Services.AddScoped<ReadLog>();
        builder.Services.AddScoped<AuditedRead>();
        builder.Services.AddSingleton<RuleSets.RuleSetLookup>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Verifying against the checkpoint log; the web host registers its signing configuration first (AddChainAnchoring).
        builder.Services.TryAddSingleton(_ => AnchorConfiguration.ForVerification(builder.Configuration));
        builder.Services.TryAddSingleton(sp =>
        {
            var anchor = sp.GetRequiredService<AnchorConfiguration>();
            return new AnchorLog(anchor.LogPath ?? throw new InvalidOperationException("No checkpoint log is configured."), anchor.Trusted);
        });
        builder.Services.TryAddSingleton<AnchorVerifier>();
        return marten;
    }
}
