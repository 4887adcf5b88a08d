using System.Globalization;
using System.Text.RegularExpressions;
using HccPathway.Scheduling.Subscriptions.Notifying;
using HccPathway.Scheduling.Subscriptions.Topics;
using Hl7.Fhir.Model;

namespace HccPathway.Scheduling.Subscriptions.Delivering;

/// <summary>
/// Notifications in the Backport IG's R4 shape: a <c>history</c> Bundle whose first entry is the SubscriptionStatus
/// Parameters (subscription, topic, status, type, events-since-subscription-start, notification-event), followed, for
/// <c>full-resource</c>, by the plan item as an Appointment request. Schedulers get the minimum to book with: the
/// pathway as the patient reference, the item, its type and drug, and the due date.
/// </summary>
public static partial class NotificationBundle
{
    public const string StatusProfile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-status-r4";
    public const string BundleProfile = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/backport-subscription-notification-r4";

    public static Bundle EventNotification(PlanSubscription subscription, string status, PendingNotification n, SubscriptionOptions options, DateTimeOffset now)
    {
        var topic = PlanItemTopics.OfCode(n.Topic) ?? throw new InvalidOperationException($"Unknown topic {n.Topic}.");
        var appointmentUrl = $"{options.FhirBase}/Appointment/{AppointmentId(n.PathwayId, n.ItemId)}";
        // events-since-subscription-start counts this event (inclusive), so it equals its event-number: a receiver that
        // last saw n and now sees more than n + 1 knows it missed notifications.
        var statusParameters = Status(subscription, status, "event-notification", n.EventNumber, options);
        var notificationEvent = new Parameters.ParameterComponent { Name = "notification-event" };
        notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "event-number", Value = new FhirString(Number(n.EventNumber)) });
        notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "timestamp", Value = new Instant(n.OccurredAt) });
        notificationEvent.Part.Add(new Parameters.ParameterComponent { Name = "focus", Value = new ResourceReference(appointmentUrl) });
        statusParameters.Parameter.Add(notificationEvent);

        var bundle = Shell(subscription, statusParameters, options, now);
        if (subscription.Content == PlanSubscription.Contents.FullResource)
        {
            bundle.Entry.Add(new Bundle.EntryComponent
            {
                FullUrl = appointmentUrl,
                Resource = Appointment(n, topic),
                Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.PUT, Url = $"Appointment/{AppointmentId(n.PathwayId, n.ItemId)}" },
                Response = new Bundle.ResponseComponent { Status = "200" },
            });
        }

        return bundle;
    }

    public static Bundle Heartbeat(PlanSubscription subscription, string status, SubscriptionOptions options, DateTimeOffset now) =>
        Shell(subscription, Status(subscription, status, "heartbeat", subscription.EventsSinceStart, options), options, now);

    /// <summary>The $status answer: the same Parameters, as the only entry of a searchset Bundle.</summary>
    public static Bundle StatusSearchSet(PlanSubscription subscription, string status, SubscriptionOptions options)
    {
        var bundle = new Bundle { Type = Bundle.BundleType.Searchset, Total = 1 };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{Guid.NewGuid()}",
            Resource = Status(subscription, status, "query-status", subscription.EventsSinceStart, options),
            Search = new Bundle.SearchComponent { Mode = Bundle.SearchEntryMode.Match },
        });
        return bundle;
    }

    public static Parameters Status(PlanSubscription subscription, string status, string type, long eventsSinceStart, SubscriptionOptions options)
    {
        var topic = PlanItemTopics.OfCode(subscription.Topic) ?? throw new InvalidOperationException($"Unknown topic {subscription.Topic}.");
        var parameters = new Parameters { Id = Guid.NewGuid().ToString(), Meta = new Meta { Profile = [StatusProfile] } };
        parameters.Parameter.Add(new Parameters.ParameterComponent
        {
            Name = "subscription",
            Value = new ResourceReference($"{options.FhirBase}/Subscription/{subscription.Id}"),
        });
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "topic", Value = new Canonical(topic.Url(options)) });
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "status", Value = new Code(status) });
        parameters.Parameter.Add(new Parameters.ParameterComponent { Name = "type", Value = new Code(type) });
        parameters.Parameter.Add(new Parameters.ParameterComponent
        {
            Name = "events-since-subscription-start",
            Value = new FhirString(Number(eventsSinceStart)),
        });
        return parameters;
    }

    /// <summary>FHIR ids allow letters, digits, '-' and '.', at most 64 characters.</summary>
    public static string AppointmentId(Guid pathwayId, string itemId) =>
        $"{pathwayId:N}-{NotAnIdCharacter().Replace(itemId, "-")}" is var id && id.Length > 64 ? id[..64] : id;

    private static Bundle Shell(PlanSubscription subscription, Parameters status, SubscriptionOptions options, DateTimeOffset now)
    {
        var bundle = new Bundle
        {
            Id = Guid.NewGuid().ToString(),
            Type = Bundle.BundleType.History,
            Timestamp = now,
            Meta = new Meta { Profile = [BundleProfile] },
        };
        bundle.Entry.Add(new Bundle.EntryComponent
        {
            FullUrl = $"urn:uuid:{status.Id}",
            Resource = status,
            Request = new Bundle.RequestComponent { Method = Bundle.HTTPVerb.GET, Url = $"{options.FhirBase}/Subscription/{subscription.Id}/$status" },
            Response = new Bundle.ResponseComponent { Status = "200" },
        });
        return bundle;
    }

    private static Appointment Appointment(PendingNotification n, PlanItemTopic topic)
    {
        var due = n.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return new Appointment
        {
            Id = AppointmentId(n.PathwayId, n.ItemId),
            Status = topic.AppointmentStatus == "cancelled" ? Hl7.Fhir.Model.Appointment.AppointmentStatus.Cancelled : Hl7.Fhir.Model.Appointment.AppointmentStatus.Proposed,
            Identifier = [new Identifier("urn:hccpathway:plan-item", $"{n.PathwayId}/{n.ItemId}")],
            ServiceType = [new CodeableConcept { Text = n.ItemType }],
            Description = $"{n.ItemType} {n.ItemId} ({n.Drug}) due {due}",
            RequestedPeriod = [new Period(new FhirDateTime(due), new FhirDateTime(due))],
            Participant =
            [
                new Appointment.ParticipantComponent
                {
                    Actor = new ResourceReference($"Patient/{n.PathwayId}"),
                    Status = ParticipationStatus.NeedsAction,
                },
            ],
        };
    }

    private static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex("[^A-Za-z0-9.-]")]
    private static partial Regex NotAnIdCharacter();
}
