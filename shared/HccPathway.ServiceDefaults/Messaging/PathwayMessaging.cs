using HccPathway.Contracts;
using Marten;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HccPathway.ServiceDefaults.Messaging;

public static class PathwayMessaging
{
    /// <summary>Configuration key: declare every consumer queue as a quorum queue (true on Kubernetes).</summary>
    public const string QuorumQueuesKey = "Messaging:QuorumQueues";

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

        // Replicated (Raft) queues for a RabbitMQ cluster; off by default so an existing local broker's classic
        // queues are not redeclared with another type. A queue's type is fixed when it is created.
        var quorumQueues = builder.Configuration.GetValue<bool>(QuorumQueuesKey);

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(service, false));
            consumers?.Invoke(x);
            if (quorumQueues)
            {
                x.AddConfigureEndpointsCallback((_, _, endpoint) =>
                {
                    if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                    {
                        rabbit.SetQuorumQueue();
                    }
                });
            }

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
            builder.Services.Configure<RelayWatchdogOptions>(builder.Configuration.GetSection("Pathway:RelayWatchdog"));
            builder.Services.AddSingleton<RelayWatchdog>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<RelayWatchdog>());
        }

        return builder;
    }
}

/// <summary>Which service a relay speaks for, and the event types it publishes.</summary>
public sealed record RelayedEvents(string Service, IReadOnlyList<Type> Types);
