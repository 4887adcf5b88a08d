using System.Net;
using System.Net.Http.Json;
using System.Text;
using HccPathway.Contracts;
using HccPathway.Contracts.Intake;
using HccPathway.Contracts.Scheduling;
using HccPathway.Scheduling.Subscriptions;
using HccPathway.Scheduling.Subscriptions.Managing;
using HccPathway.Scheduling.Subscriptions.Notifying;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static HccPathway.Scheduling.Tests.Subscriptions.RestHookReceiver;

namespace HccPathway.Scheduling.Tests.Subscriptions;

/// <summary>
/// Rest-hook delivery end to end: plan events from the real relay and RabbitMQ, the persisted queue in PostgreSQL, and
/// a Kestrel receiver that refuses connections, then hangs past the timeout, then answers 500, then accepts. Each test
/// has its own schemas and RabbitMQ virtual host, so it can restart the service without another test's host.
/// </summary>
public sealed class RestHookDeliveryTests(ITestOutputHelper output)
{
    private static readonly SubscriptionOptions Options = new()
    {
        FirstRetryDelay = TimeSpan.FromMilliseconds(300),
        MaxRetryDelay = TimeSpan.FromMilliseconds(1200),
        DeliveryTimeout = TimeSpan.FromMilliseconds(400),
        PollInterval = TimeSpan.FromMilliseconds(100),
    };

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Scheduling:Subscriptions:FirstRetryDelay"] = Options.FirstRetryDelay.ToString(),
        ["Scheduling:Subscriptions:MaxRetryDelay"] = Options.MaxRetryDelay.ToString(),
        ["Scheduling:Subscriptions:DeliveryTimeout"] = Options.DeliveryTimeout.ToString(),
        ["Scheduling:Subscriptions:PollInterval"] = Options.PollInterval.ToString(),
    };

    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_receiver_that_refuses_hangs_and_fails_for_a_while_gets_every_notification_once_numbered_without_gaps_in_pathway_order(
        bool restartHalfway)
    {
        var infrastructure = await Infrastructure.GetAsync();
        var schemas = IsolatedSchemas.New();
        await using var receiver = new RestHookReceiver();
        var service = new PathwayServiceFactory<SchedulingApi>(infrastructure, schemas, Owners.Scheduling, settings: Settings);
        var pathways = new List<Guid>();
        try
        {
            var subscriptionId = await Subscribe(service, receiver.Endpoint);

            // Refused: nothing listens on the port yet.
            for (var i = 0; i < 3; i++)
            {
                pathways.Add(await Enrol(service));
            }

            await Eventually.True(async () => await Pending(service) >= 3, TimeSpan.FromSeconds(30), "notifications queued");
            await Task.Delay(Options.MaxRetryDelay * 2);
            Assert.Empty(receiver.Requests);

            // Hangs past the delivery timeout, then fails with 500.
            await receiver.Start();
            await Eventually.True(() => Task.FromResult(receiver.Requests.Count(r => r.Answered == Behaviour.Hang) >= 4), TimeSpan.FromSeconds(30), "hung attempts");
            receiver.Answer = Behaviour.Fail;
            await Eventually.True(() => Task.FromResult(receiver.Requests.Count(r => r.Answered == Behaviour.Fail) >= 4), TimeSpan.FromSeconds(30), "failed attempts");

            var restartedAt = DateTimeOffset.MaxValue;
            if (restartHalfway)
            {
                await service.DisposeAsync();
                restartedAt = DateTimeOffset.UtcNow;
                service = new PathwayServiceFactory<SchedulingApi>(infrastructure, schemas, Owners.Scheduling, settings: Settings);
                _ = service.Server;
                var failedBefore = receiver.Requests.Count(r => r.Answered == Behaviour.Fail);
                await Eventually.True(() => Task.FromResult(receiver.Requests.Count(r => r.Answered == Behaviour.Fail) >= failedBefore + 3), TimeSpan.FromSeconds(30), "failures after restart");
            }

            // More plan events while the receiver still fails: they queue behind the ones already waiting.
            for (var i = 0; i < 2; i++)
            {
                pathways.Add(await Enrol(service));
            }

            await Task.Delay(Options.MaxRetryDelay);
            receiver.Answer = Behaviour.Accept;

            var planned = await Eventually.Get(async () =>
            {
                var expected = await PlannedItems(service, pathways);
                var accepted = receiver.Accepted.Select(r => r.EventNumber).Distinct().Count();
                return pathways.All(expected.ContainsKey) && accepted == expected.Values.Sum(v => v.Count) && await Pending(service) == 0
                    ? expected
                    : null;
            }, TimeSpan.FromSeconds(90), "every notification accepted");

            var total = planned.Values.Sum(v => v.Count);
            var accepted = receiver.Accepted.ToList();
            output.WriteLine($"{receiver.Requests.Count} requests: {receiver.Requests.Count(r => r.Answered == Behaviour.Hang)} hung, " +
                $"{receiver.Requests.Count(r => r.Answered == Behaviour.Fail)} failed, {accepted.Count} accepted; {total} plan items.");

            // 0 lost, none twice, numbers 1..N without a gap, and the count reported with each is its own number.
            Assert.Equal(Enumerable.Range(1, total).Select(n => (long)n), accepted.Select(r => r.EventNumber).Order());
            Assert.All(accepted, r => Assert.Equal(r.EventNumber, r.EventsSinceStart));
            Assert.All(receiver.Requests, r => Assert.Equal("Bearer receiver-secret", r.Authorization));
            Assert.All(receiver.Requests, r => Assert.Equal("application/fhir+json", r.ContentType));

            // Each pathway's items arrive in the order its stream has them, with rising numbers.
            foreach (var pathway in pathways)
            {
                var arrived = accepted.Where(r => r.Item.PathwayId == pathway).ToList();
                Assert.Equal(planned[pathway], arrived.Select(r => r.Item.ItemId));
                Assert.Equal(arrived.Select(r => r.EventNumber).Order(), arrived.Select(r => r.EventNumber));
            }

            AssertBackOff(receiver, restartedAt);

            var status = await StatusOf(service, subscriptionId);
            Assert.Contains($"\"events-since-subscription-start\",\"valueString\":\"{total}\"", status);
        }
        finally
        {
            await service.DisposeAsync();
        }
    }

    /// <summary>
    /// Between two attempts at one notification, by one service process: at least the configured delay after as many
    /// failures as the receiver saw (refused connections before it started are failures it did not see, so the real
    /// delay may be longer), and never more than the max delay plus one timeout for this attempt, one for a slow
    /// neighbour in the same round, a poll interval and a second of scheduling slack.
    /// </summary>
    private void AssertBackOff(RestHookReceiver receiver, DateTimeOffset restartedAt)
    {
        var ceiling = Options.MaxRetryDelay + 2 * Options.DeliveryTimeout + Options.PollInterval + TimeSpan.FromSeconds(1);
        var gaps = 0;
        var longest = TimeSpan.Zero;
        foreach (var attempts in receiver.Requests.Where(r => r.Type == "event-notification").GroupBy(r => r.EventNumber))
        {
            var ordered = attempts.OrderBy(r => r.At).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                if (before.Answered == Behaviour.Accept || (before.At < restartedAt && after.At >= restartedAt))
                {
                    continue;
                }

                var gap = after.At - before.At;
                var floor = Options.RetryDelay(i) - TimeSpan.FromMilliseconds(50);
                Assert.True(gap >= floor, $"Event {before.EventNumber}: attempt {i + 1} came {gap.TotalMilliseconds} ms after attempt {i}; the back-off is at least {floor.TotalMilliseconds} ms.");
                Assert.True(gap <= ceiling, $"Event {before.EventNumber}: attempt {i + 1} came {gap.TotalMilliseconds} ms after attempt {i}; the back-off is at most {ceiling.TotalMilliseconds} ms.");
                longest = gap > longest ? gap : longest;
                gaps++;
            }
        }

        output.WriteLine($"{gaps} retry gaps checked; longest {longest.TotalMilliseconds} ms.");
        Assert.True(gaps >= 4, $"Only {gaps} retries were seen.");
        Assert.True(longest >= Options.MaxRetryDelay - TimeSpan.FromMilliseconds(50), "The back-off never reached its max.");
    }

    private static async Task<Guid> Subscribe(PathwayServiceFactory<SchedulingApi> service, Uri endpoint)
    {
        var json = $$"""
            {
              "resourceType": "Subscription",
              "status": "requested",
              "reason": "Book plan items",
              "criteria": "{{Options.FhirBase}}/SubscriptionTopic/plan-item-planned",
              "channel": {
                "type": "rest-hook",
                "endpoint": "{{endpoint}}",
                "header": ["Authorization: Bearer receiver-secret"],
                "payload": "application/fhir+json",
                "_payload": { "extension": [{ "url": "{{SubscriptionResource.PayloadContent}}", "valueCode": "full-resource" }] }
              }
            }
            """;
        var response = await service.ClientAs(Roles.Scheduler, "scheduler-1")
            .PostAsync("/fhir/Subscription", new StringContent(json, Encoding.UTF8, "application/fhir+json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return Guid.Parse((await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!);
    }

    /// <summary>Does what Intake does on enrolment; Scheduling plans the regimen and its relay publishes the plan events.</summary>
    private static async Task<Guid> Enrol(PathwayServiceFactory<SchedulingApi> service)
    {
        var pathwayId = Guid.NewGuid();
        var enrolled = new PatientEnrolled(pathwayId, ["ELIG-2"], 70m, Today.AddDays(-1), "dr-house", "MDT: convert first.", DateTimeOffset.UtcNow);
        var store = service.Services.GetRequiredService<IDocumentStore>();
        await using var session = store.LightweightSession();
        var eventId = session.Events.Append(pathwayId, enrolled).Events[^1].Id;
        await session.SaveChangesAsync();
        await service.Services.GetRequiredService<IBus>().Publish(enrolled, c => c.MessageId = eventId);
        return pathwayId;
    }

    private static async Task<int> Pending(PathwayServiceFactory<SchedulingApi> service)
    {
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        return await session.Query<PendingNotification>().CountAsync();
    }

    /// <summary>Each pathway's planned item ids in stream order: what the subscriber must receive, in this order.</summary>
    private static async Task<Dictionary<Guid, List<string>>> PlannedItems(PathwayServiceFactory<SchedulingApi> service, IEnumerable<Guid> pathways)
    {
        await using var session = service.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var items = new Dictionary<Guid, List<string>>();
        foreach (var pathway in pathways)
        {
            var planned = (await session.Events.FetchStreamAsync(pathway)).Select(e => e.Data).OfType<TherapyItemPlanned>().Select(e => e.ItemId).ToList();
            if (planned.Count > 0)
            {
                items[pathway] = planned;
            }
        }

        return items;
    }

    private static async Task<string> StatusOf(PathwayServiceFactory<SchedulingApi> service, Guid subscriptionId)
    {
        var response = await service.ClientAs(Roles.Scheduler, "scheduler-1").GetAsync($"/fhir/Subscription/{subscriptionId}/$status");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadAsStringAsync()).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
    }
}
