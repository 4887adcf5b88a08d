using System.Text;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HccPathway.Scheduling.Subscriptions.Delivering;

/// <summary>
/// POSTs one notification Bundle to a rest-hook endpoint with the subscription's headers. Its own HttpClient, without
/// the default resilience handler: a failed POST is not retried here but rescheduled in the persisted queue.
/// </summary>
public sealed class RestHookSender(SubscriptionOptions options) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler { ConnectTimeout = options.DeliveryTimeout, PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
    {
        Timeout = options.DeliveryTimeout,
    };

    /// <summary>Null when the endpoint answered 2xx; otherwise why not (no response, a timeout, or the status code).</summary>
    public async Task<string?> Send(PlanSubscription subscription, Bundle bundle, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Endpoint)
        {
            Content = new StringContent(bundle.ToJson(), Encoding.UTF8, FhirResults.FhirJson),
        };
        foreach (var line in subscription.Headers)
        {
            var parts = line.Split(':', 2);
            request.Headers.TryAddWithoutValidation(parts[0].Trim(), parts[1].Trim());
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellation);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return $"No answer within {options.DeliveryTimeout.TotalSeconds:0.###} s";
        }
        catch (HttpRequestException e)
        {
            return $"Not delivered: {e.HttpRequestError}";
        }
    }

    public void Dispose() => http.Dispose();
}
