using HccPathway.Scheduling.Subscriptions.Managing;
using HccPathway.Scheduling.Subscriptions.Topics;

namespace HccPathway.Scheduling.Subscriptions;

public static class SubscriptionEndpoints
{
    public static WebApplication MapSubscriptionEndpoints(this WebApplication app)
    {
        app.MapGroup("/fhir")
            .WithTags("FHIR subscriptions")
            .MapListTopics()
            .MapCreateSubscription()
            .MapReadSubscription();
        return app;
    }
}
