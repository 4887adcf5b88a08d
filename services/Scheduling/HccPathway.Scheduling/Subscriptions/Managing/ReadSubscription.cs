using HccPathway.Scheduling.Subscriptions.Delivering;
using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Scheduling.Subscriptions.Managing;

/// <summary>Read, $status and delete: all for the caller's hospital only; another hospital's subscription is not found.</summary>
public static class ReadSubscription
{
    public static RouteGroupBuilder MapReadSubscription(this RouteGroupBuilder fhir)
    {
        fhir.MapGet("/Subscription/{id}", async (string id, IQuerySession session, SubscriptionOptions options, CancellationToken ct) =>
                await Load(id, session, ct) is ({ } subscription, var state)
                    ? FhirResults.Resource(SubscriptionResource.Write(subscription, state, options))
                    : NotFound(id))
            .RequireAuthorization(Policies.ManageSubscriptions)
            .WithName("ReadSubscription")
            .WithSummary("The Subscription with its current status (active, or error while its endpoint fails).");

        fhir.MapGet("/Subscription/{id}/$status", async (string id, IQuerySession session, SubscriptionOptions options, CancellationToken ct) =>
                await Load(id, session, ct) is ({ } subscription, var state)
                    ? FhirResults.Resource(NotificationBundle.StatusSearchSet(subscription, state, options))
                    : NotFound(id))
            .RequireAuthorization(Policies.ManageSubscriptions)
            .WithName("SubscriptionStatus")
            .WithSummary("$status: a Bundle with the SubscriptionStatus Parameters, including events-since-subscription-start.");

        fhir.MapDelete("/Subscription/{id}", async (string id, IDocumentSession session, CancellationToken ct) =>
            {
                if (await Load(id, session, ct) is not ({ } subscription, _))
                {
                    return NotFound(id);
                }

                // Its queue goes with it: nobody is left to deliver to.
                session.Delete(subscription);
                session.Delete<SubscriptionDeliveryState>(subscription.Id);
                session.DeleteWhere<Notifying.PendingNotification>(n => n.SubscriptionId == subscription.Id);
                await session.SaveChangesAsync(ct);
                return Results.NoContent();
            })
            .RequireAuthorization(Policies.ManageSubscriptions)
            .WithName("DeleteSubscription")
            .WithSummary("Ends the subscription and drops its undelivered notifications.");
        return fhir;
    }

    private static async Task<(PlanSubscription? Subscription, string Status)> Load(string id, IQuerySession session, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid) || await session.LoadAsync<PlanSubscription>(guid, ct) is not { } subscription)
        {
            return (null, "");
        }

        var state = await session.LoadAsync<SubscriptionDeliveryState>(guid, ct);
        return (subscription, state?.Status ?? "active");
    }

    private static IResult NotFound(string id) => FhirResults.NotFound($"Subscription/{id} does not exist.");
}
