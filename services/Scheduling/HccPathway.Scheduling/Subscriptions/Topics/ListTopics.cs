using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Scheduling.Subscriptions.Topics;

public static class ListTopics
{
    public static RouteGroupBuilder MapListTopics(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/SubscriptionTopic", (SubscriptionOptions options) =>
                FhirResults.Resource(TopicResources.ToSearchSet(PlanItemTopics.All, options)))
            .RequireAuthorization(Policies.ManageSubscriptions)
            .WithName("ListSubscriptionTopics")
            .WithSummary("The plan item topics (planned, changed, cancelled, overdue) as Basic-wrapped SubscriptionTopics (R5 Backport IG on R4).");
        return fhir;
    }
}
