using HccPathway.Scheduling.Subscriptions.Delivering;

namespace HccPathway.Scheduling.Subscriptions;

public static class SubscriptionRegistration
{
    /// <summary>Options, the rest-hook sender and the delivery worker. The notifiers are registered with the bus.</summary>
    public static IHostApplicationBuilder AddPlanSubscriptions(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(SubscriptionOptions.Section).Get<SubscriptionOptions>() ?? new SubscriptionOptions();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<RestHookSender>();
        builder.Services.AddHostedService<NotificationDelivery>();
        return builder;
    }
}
