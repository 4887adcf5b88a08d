using HccPathway.ServiceDefaults.Security;
using Marten;

namespace HccPathway.Scheduling.Subscriptions.Managing;

public static class CreateSubscription
{
    /// <summary>A Subscription document is small; anything larger is not one.</summary>
    private const int MaxBodyBytes = 64 * 1024;

    public static RouteGroupBuilder MapCreateSubscription(this RouteGroupBuilder fhir)
    {
        fhir.MapPost("/Subscription", async (HttpRequest request, IDocumentSession session, SubscriptionOptions options,
                TimeProvider clock, CancellationToken ct) =>
            {
                using var reader = new StreamReader(request.Body);
                var body = new char[MaxBodyBytes + 1];
                var read = await reader.ReadBlockAsync(body, ct);
                if (read > MaxBodyBytes)
                {
                    return FhirResults.Invalid(new Dictionary<string, string> { ["Subscription"] = $"Larger than {MaxBodyBytes} bytes." });
                }

                var (subscription, problems) = SubscriptionResource.Read(new string(body, 0, read), options, Guid.NewGuid(), clock.GetUtcNow());
                if (subscription is null)
                {
                    return FhirResults.Invalid(problems);
                }

                // Active at once (no handshake): numbering starts with the next plan event of its topic.
                session.Insert(subscription);
                session.Insert(new SubscriptionDeliveryState { Id = subscription.Id, LastSentAt = subscription.CreatedAt });
                await session.SaveChangesAsync(ct);
                return FhirResults.Resource(
                    SubscriptionResource.Write(subscription, "active", options),
                    StatusCodes.Status201Created,
                    $"{options.FhirBase}/Subscription/{subscription.Id}");
            })
            .RequireAuthorization(Policies.ManageSubscriptions)
            .Accepts<object>("application/fhir+json", "application/json")
            .WithName("CreateSubscription")
            .WithSummary("Subscribes a rest-hook endpoint to a plan item topic (R4 Subscription, Backport IG profile); 400 OperationOutcome names what is wrong.");
        return fhir;
    }
}
