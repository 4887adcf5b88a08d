using System.Net;
using System.Text;
using System.Text.Json;
using HccPathway.Scheduling.Subscriptions;
using HccPathway.Scheduling.Subscriptions.Managing;
using HccPathway.Scheduling.Tests.Api;
using HccPathway.ServiceDefaults.Security;

namespace HccPathway.Scheduling.Tests.Subscriptions;

/// <summary>Topics, and Subscription create, read, $status and delete, as a scheduling system calls them.</summary>
[Collection(SchedulingCollection.Name)]
public sealed class SubscriptionApiTests(SchedulingService service)
{
    private static readonly SubscriptionOptions Defaults = new();
    private static readonly string Planned = $"{Defaults.FhirBase}/SubscriptionTopic/plan-item-planned";
    private readonly HttpClient scheduler = service.Factory.ClientAs(Roles.Scheduler, "scheduler-1");

    [Fact]
    public async Task The_topics_are_the_four_plan_item_changes_as_basic_wrapped_subscription_topics()
    {
        var bundle = await Fhir(await scheduler.GetAsync("/fhir/SubscriptionTopic"), HttpStatusCode.OK);

        var topics = bundle.GetProperty("entry").EnumerateArray().Select(e => e.GetProperty("resource")).ToList();
        Assert.All(topics, t => Assert.Equal("Basic", t.GetProperty("resourceType").GetString()));
        Assert.Equal(
            new[] { "plan-item-planned", "plan-item-changed", "plan-item-cancelled", "plan-item-overdue" }.Select(c => $"{Defaults.FhirBase}/SubscriptionTopic/{c}"),
            topics.Select(t => t.GetProperty("extension").EnumerateArray()
                .Single(x => x.GetProperty("url").GetString()!.EndsWith("SubscriptionTopic.url", StringComparison.Ordinal)).GetProperty("valueUri").GetString()));
    }

    [Fact]
    public async Task A_created_subscription_reads_back_with_its_topic_filter_and_content_and_reports_zero_events_until_deleted()
    {
        var pathwayId = Guid.NewGuid();
        var created = await scheduler.PostAsync("/fhir/Subscription", Body(Subscription(filter: $"Appointment?patient=Patient/{pathwayId}", heartbeat: 60)));
        var subscription = await Fhir(created, HttpStatusCode.Created);
        var id = subscription.GetProperty("id").GetString();
        Assert.EndsWith($"/fhir/Subscription/{id}", created.Headers.Location!.ToString());

        var read = await Fhir(await scheduler.GetAsync($"/fhir/Subscription/{id}"), HttpStatusCode.OK);
        Assert.Equal("active", read.GetProperty("status").GetString());
        Assert.Equal(Planned, read.GetProperty("criteria").GetString());
        Assert.Equal($"Appointment?patient=Patient/{pathwayId}", read.GetProperty("_criteria").GetProperty("extension")[0].GetProperty("valueString").GetString());
        Assert.Equal("id-only", read.GetProperty("channel").GetProperty("_payload").GetProperty("extension")[0].GetProperty("valueCode").GetString());
        Assert.Equal(60, read.GetProperty("channel").GetProperty("extension")[0].GetProperty("valueUnsignedInt").GetInt32());
        Assert.Equal(["Authorization: ***"], read.GetProperty("channel").GetProperty("header").EnumerateArray().Select(h => h.GetString()));

        var status = await Fhir(await scheduler.GetAsync($"/fhir/Subscription/{id}/$status"), HttpStatusCode.OK);
        var parameters = status.GetProperty("entry")[0].GetProperty("resource").GetProperty("parameter").EnumerateArray().ToList();
        Assert.Equal("0", Parameter(parameters, "events-since-subscription-start").GetProperty("valueString").GetString());
        Assert.Equal("query-status", Parameter(parameters, "type").GetProperty("valueCode").GetString());
        Assert.Equal(Planned, Parameter(parameters, "topic").GetProperty("valueCanonical").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await scheduler.DeleteAsync($"/fhir/Subscription/{id}")).StatusCode);
        await Fhir(await scheduler.GetAsync($"/fhir/Subscription/{id}"), HttpStatusCode.NotFound);
        await Fhir(await scheduler.GetAsync($"/fhir/Subscription/{id}/$status"), HttpStatusCode.NotFound);
        await Fhir(await scheduler.DeleteAsync($"/fhir/Subscription/{id}"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_scheduler_of_another_hospital_cannot_read_status_or_delete_the_subscription()
    {
        var subscription = await Fhir(await scheduler.PostAsync("/fhir/Subscription", Body(Subscription())), HttpStatusCode.Created);
        var id = subscription.GetProperty("id").GetString();
        var elsewhere = service.Factory.ClientAs(Roles.Scheduler, "scheduler-2", hospital: "another-hospital");

        await Fhir(await elsewhere.GetAsync($"/fhir/Subscription/{id}"), HttpStatusCode.NotFound);
        await Fhir(await elsewhere.GetAsync($"/fhir/Subscription/{id}/$status"), HttpStatusCode.NotFound);
        await Fhir(await elsewhere.DeleteAsync($"/fhir/Subscription/{id}"), HttpStatusCode.NotFound);
        await Fhir(await scheduler.GetAsync($"/fhir/Subscription/{id}"), HttpStatusCode.OK);
    }

    public static TheoryData<string, string> BadSubscriptions => new()
    {
        { "not json", "Subscription" },
        { """{"resourceType":"Patient"}""", "Subscription" },
        { Subscription(criteria: "https://elsewhere.example/SubscriptionTopic/admission"), "Subscription.criteria" },
        { Subscription(reason: ""), "Subscription.reason" },
        { Subscription(endpoint: "ftp://scheduler.example/hook"), "Subscription.channel.endpoint" },
        { Subscription(endpoint: "/relative"), "Subscription.channel.endpoint" },
        { Subscription(channelType: "websocket"), "Subscription.channel.type" },
        { Subscription(content: "empty"), "Subscription.channel.payload.extension(backport-payload-content)" },
        { Subscription(content: null), "Subscription.channel.payload.extension(backport-payload-content)" },
        { Subscription(header: "Bearer without a name"), "Subscription.channel.header" },
        { Subscription(heartbeat: 0), "Subscription.channel.extension(backport-heartbeat-period)" },
        { Subscription(filter: "Appointment?status=proposed"), "Subscription.criteria.extension(backport-filter-criteria)" },
        { Subscription(filter: "patient=Patient/not-a-pathway"), "Subscription.criteria.extension(backport-filter-criteria)" },
    };

    [Theory]
    [MemberData(nameof(BadSubscriptions))]
    public async Task A_subscription_the_server_cannot_honour_is_400_with_an_operation_outcome_naming_the_element(string body, string element)
    {
        var outcome = await Fhir(await scheduler.PostAsync("/fhir/Subscription", Body(body)), HttpStatusCode.BadRequest);

        Assert.Equal("OperationOutcome", outcome.GetProperty("resourceType").GetString());
        Assert.Contains(outcome.GetProperty("issue").EnumerateArray(), i =>
            i.GetProperty("severity").GetString() == "error" && i.GetProperty("expression")[0].GetString() == element);
    }

    public static string Subscription(
        string? criteria = null, string reason = "Book plan items", string endpoint = "https://scheduler.example/hook", string channelType = "rest-hook",
        string? content = "id-only", string header = "Authorization: Bearer s3cret", int? heartbeat = null, string? filter = null)
    {
        var criteriaExtension = filter is null ? "" : $$""", "_criteria": { "extension": [{ "url": "{{SubscriptionResource.FilterCriteria}}", "valueString": "{{filter}}" }] }""";
        var contentExtension = content is null ? "" : $$""", "_payload": { "extension": [{ "url": "{{SubscriptionResource.PayloadContent}}", "valueCode": "{{content}}" }] }""";
        var heartbeatExtension = heartbeat is null ? "" : "\"extension\": " + $$"""[{ "url": "{{SubscriptionResource.HeartbeatPeriod}}", "valueUnsignedInt": {{heartbeat}} }], """;
        return $$"""
            {
              "resourceType": "Subscription", "status": "requested", "reason": "{{reason}}",
              "criteria": "{{criteria ?? Planned}}"{{criteriaExtension}},
              "channel": {
                {{heartbeatExtension}}"type": "{{channelType}}", "endpoint": "{{endpoint}}", "header": ["{{header}}"],
                "payload": "application/fhir+json"{{contentExtension}}
              }
            }
            """;
    }

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/fhir+json");

    private static JsonElement Parameter(IEnumerable<JsonElement> parameters, string name) =>
        parameters.Single(p => p.GetProperty("name").GetString() == name);

    private static async Task<JsonElement> Fhir(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement;
    }
}
