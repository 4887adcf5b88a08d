using HccPathway.Contracts;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.ServiceDefaults.Messaging;

public static class PathwayMessaging
{
    /// <summary>
    /// MassTransit on RabbitMQ for one service, plus the relay that publishes the event types the service owns.
    /// Queues are named <c>{service}-{consumer}</c>, so two services never compete for one queue.
    /// </summary>
    public static IHostApplicationBuilder AddPathwayMessaging(
        this IHostApplicationBuilder builder,
        string service,
        MartenServiceCollectionExtensions.MartenConfigurationExpression marten,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var broker = new Uri(builder.Configuration.RequireConnectionString("messaging"));

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, false));
            consumers?.Invoke(x);
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(broker, h => h.PublisherConfirmation = true);
                cfg.ConfigureEndpoints(context);
            });
        });

        var owned = EventCatalog.OwnedBy(service).Select(e => e.Type).ToArray();

        // A subscription without a type filter receives every event; a service that owns none relays none.
        if (owned.Length > 0)
        {
            builder.Services.AddSingleton(new RelayedEvents(service, owned));
            marten.AddSubscriptionWithServices<EventRelay>(ServiceLifetime.Singleton);
        }

        return builder;
    }
}

/// <summary>Which service a relay speaks for, and the event types it publishes.</summary>
public sealed record RelayedEvents(string Service, IReadOnlyList<Type> Types);
