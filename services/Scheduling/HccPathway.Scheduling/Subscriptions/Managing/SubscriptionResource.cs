using System.Text.RegularExpressions;
using HccPathway.Scheduling.Subscriptions.Topics;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HccPathway.Scheduling.Subscriptions.Managing;

/// <summary>
/// The R4 Subscription of the Backport IG (profile backport-subscription), read into a <see cref="PlanSubscription"/>
/// and written back. Every problem is collected, keyed by the element's path, so one 400 names them all.
/// </summary>
public static partial class SubscriptionResource
{
    public const string Profile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription";
    public const string FilterCriteria = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-filter-criteria";
    public const string PayloadContent = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-payload-content";
    public const string HeartbeatPeriod = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-heartbeat-period";

    public static (PlanSubscription? Subscription, Dictionary<string, string> Problems) Read(
        string json, SubscriptionOptions options, Guid id, DateTimeOffset now)
    {
        var problems = new Dictionary<string, string>();
        Hl7.Fhir.Model.Resource? resource;
        try
        {
            if (!new FhirJsonDeserializer().TryDeserializeResource(json, out resource, out var issues) && resource is null)
            {
                problems["Subscription"] = $"Not a FHIR R4 resource in JSON: {string.Join("; ", issues.Select(i => i.Message).Take(3))}";
                return (null, problems);
            }
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or DeserializationFailedException or FormatException or InvalidOperationException)
        {
            // Not JSON at all: the deserializer throws before it can collect issues.
            problems["Subscription"] = "The body is not a FHIR R4 resource in JSON.";
            return (null, problems);
        }

        if (resource is not Subscription s)
        {
            problems["Subscription"] = $"Expected a Subscription, got {resource?.TypeName ?? "nothing"}.";
            return (null, problems);
        }

        if (string.IsNullOrWhiteSpace(s.Reason))
        {
            problems["Subscription.reason"] = "Required (R4 Subscription.reason 1..1): say what the subscription is for.";
        }

        var topic = PlanItemTopics.OfUrl(s.Criteria, options);
        if (topic is null)
        {
            problems["Subscription.criteria"] =
                $"Must be the canonical URL of one of this server's topics ({string.Join(", ", PlanItemTopics.All.Select(t => t.Url(options)))}).";
        }

        var pathwayId = Filter(s.CriteriaElement, problems);
        var channel = s.Channel;
        if (channel is null)
        {
            problems["Subscription.channel"] = "Required: a rest-hook channel with an endpoint.";
            return (null, problems);
        }

        if (channel.Type != Subscription.SubscriptionChannelType.RestHook)
        {
            problems["Subscription.channel.type"] = "Only rest-hook is supported.";
        }

        if (!Uri.TryCreate(channel.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problems["Subscription.channel.endpoint"] = "Required: an absolute http or https URL that accepts the notification POSTs.";
        }

        var badHeaders = channel.Header.Where(h => !HeaderLine().IsMatch(h ?? "")).ToList();
        if (badHeaders.Count > 0)
        {
            problems["Subscription.channel.header"] = "Each header is one 'Name: value' line, e.g. 'Authorization: Bearer …'.";
        }

        if (channel.Payload is not ("application/fhir+json" or "application/json"))
        {
            problems["Subscription.channel.payload"] = "Required: application/fhir+json.";
        }

        var content = channel.PayloadElement?.GetExtensionValue<Code>(PayloadContent)?.Value;
        if (content is null || !PlanSubscription.Contents.All.Contains(content))
        {
            problems["Subscription.channel.payload.extension(backport-payload-content)"] =
                $"Required: one of {string.Join(", ", PlanSubscription.Contents.All)} ('empty' is not offered).";
        }

        var heartbeat = channel.GetExtensionValue<UnsignedInt>(HeartbeatPeriod)?.Value
            ?? channel.GetExtensionValue<PositiveInt>(HeartbeatPeriod)?.Value
            ?? channel.GetExtensionValue<Integer>(HeartbeatPeriod)?.Value;
        if (heartbeat is { } seconds && seconds < options.MinHeartbeatSeconds)
        {
            problems["Subscription.channel.extension(backport-heartbeat-period)"] = $"At least {options.MinHeartbeatSeconds} seconds.";
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        return (new PlanSubscription
        {
            Id = id,
            Topic = topic!.Code,
            PathwayId = pathwayId,
            Endpoint = endpoint!.ToString(),
            Headers = channel.Header.Select(h => h!).ToList(),
            Content = content!,
            HeartbeatSeconds = heartbeat,
            Reason = s.Reason,
            CreatedAt = now,
        }, problems);
    }

    /// <summary>The subscription as R4 Subscription. Header values are secrets of the subscriber and are not echoed.</summary>
    public static Subscription Write(PlanSubscription subscription, string status, SubscriptionOptions options)
    {
        var topic = PlanItemTopics.OfCode(subscription.Topic)!;
        var s = new Subscription
        {
            Id = subscription.Id.ToString(),
            Meta = new Meta { Profile = [Profile] },
            Status = status == "error" ? Subscription.SubscriptionStatus.Error : Subscription.SubscriptionStatus.Active,
            Reason = subscription.Reason,
            CriteriaElement = new FhirString(topic.Url(options)),
            Channel = new Subscription.ChannelComponent
            {
                Type = Subscription.SubscriptionChannelType.RestHook,
                Endpoint = subscription.Endpoint,
                Header = subscription.Headers.Select(h => $"{h.Split(':', 2)[0]}: ***").ToList(),
                PayloadElement = new Code("application/fhir+json"),
            },
        };
        if (subscription.PathwayId is { } pathwayId)
        {
            s.CriteriaElement.Extension.Add(new Extension(FilterCriteria, new FhirString($"Appointment?patient=Patient/{pathwayId}")));
        }

        s.Channel.PayloadElement.Extension.Add(new Extension(PayloadContent, new Code(subscription.Content)));
        if (subscription.HeartbeatSeconds is { } heartbeat)
        {
            s.Channel.Extension.Add(new Extension(HeartbeatPeriod, new UnsignedInt(heartbeat)));
        }

        return s;
    }

    /// <summary>The one filter offered: <c>[Appointment?]patient=Patient/{pathwayId}</c>. The hospital is always the caller's.</summary>
    private static Guid? Filter(FhirString? criteria, Dictionary<string, string> problems)
    {
        var filters = criteria?.Extension.Where(e => e.Url == FilterCriteria).Select(e => (e.Value as FhirString)?.Value ?? "").ToList() ?? [];
        Guid? pathwayId = null;
        foreach (var filter in filters)
        {
            var match = PatientFilter().Match(filter);
            if (!match.Success || !Guid.TryParse(match.Groups["id"].Value, out var id) || pathwayId is not null)
            {
                problems["Subscription.criteria.extension(backport-filter-criteria)"] =
                    "The only filter is one 'patient=Patient/{pathwayId}' (optionally prefixed 'Appointment?').";
                return null;
            }

            pathwayId = id;
        }

        return pathwayId;
    }

    [GeneratedRegex(@"^[!#$%&'*+.^_`|~0-9A-Za-z-]+:\s*\S.*$")]
    private static partial Regex HeaderLine();

    [GeneratedRegex(@"^(Appointment\?)?patient=(Patient/)?(?<id>[0-9A-Fa-f-]{32,36})$")]
    private static partial Regex PatientFilter();
}
