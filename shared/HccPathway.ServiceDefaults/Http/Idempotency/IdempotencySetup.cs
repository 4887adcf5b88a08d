using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.ServiceDefaults.Http.Idempotency;

public static class IdempotencySetup
{
    /// <summary>Idempotent commands for a service that writes pathway streams (called by AddPathwayEventStore).</summary>
    public static IHostApplicationBuilder AddPathwayIdempotency(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<IdempotencyOptions>(builder.Configuration.GetSection(IdempotencyOptions.Section));
        builder.Services.AddScoped<IdempotentCommands>();
        builder.Services.AddHostedService<IdempotencyPurge>();
        return builder;
    }

    /// <summary>
    /// The records live in the service's own documents schema, next to its read models. They are not per hospital:
    /// the record id already includes the caller's hospital, and the lookup and the purge must see every record.
    /// </summary>
    public static StoreOptions AddIdempotencyRecords(this StoreOptions options)
    {
        options.Schema.For<IdempotencyRecord>().Index(r => r.ExpiresAt).SingleTenanted();
        return options;
    }
}
