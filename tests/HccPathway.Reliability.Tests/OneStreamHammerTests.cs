using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HccPathway.Contracts.Assessment;
using HccPathway.Contracts.Scheduling;
using HccPathway.Contracts.SurgeryPlanning;
using HccPathway.DemoData;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Marten;
using Xunit.Abstractions;

namespace HccPathway.Reliability.Tests;

/// <summary>
/// One patient's stream written by every service at once: coordinators of Assessment, Scheduling and Surgery planning
/// send commands without If-Match while Scheduling's and Surgery planning's consumers append their reactions to the
/// same stream. Nobody named a version, so nobody may get a 409 or a 5xx, and every command lands exactly once.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class OneStreamHammerTests(ReliabilitySystem system, ITestOutputHelper output)
{
    private const int Rounds = 12;

    [Fact]
    public async Task Commands_without_if_match_from_every_service_at_once_all_land_once_and_none_gets_409()
    {
        var journey = await system.EnrolledPatient("MRN-HAMMER");
        var id = journey.PathwayId;
        var lenvatinibOn = await journey.StartLenvatinib();
        var answers = new ConcurrentBag<(string Command, HttpStatusCode Status, string Body)>();

        async Task Send(HttpClient client, string command, string path, object body)
        {
            using var response = await client.PostAsJsonAsync(path, body);
            answers.Add((command, response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        var markers = Enumerable.Range(0, 2 * Rounds).Select(_ => Guid.NewGuid()).ToArray();
        var adverseEvents = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();

        // Each writer sends its commands one after another, as one coordinator would; the writers run side by side.
        Task Writer(Func<int, Task> command, int count) => Task.Run(async () =>
        {
            for (var i = 0; i < count; i++)
            {
                await command(i);
            }
        });

        var markerClients = new[] { Client(system.Assessment, "a"), Client(system.Assessment, "b") };
        var scheduling = system.Scheduling.ClientAs(Roles.Clinician, "dr-hammer-s");
        var surgery = system.SurgeryPlanning.ClientAs(Roles.Clinician, "dr-hammer-sp");
        var assessment = system.Assessment.ClientAs(Roles.Clinician, "dr-hammer-ae");
        await Task.WhenAll(
            Writer(i => Send(markerClients[0], "markers", $"/pathways/{id}/tumour-markers", Markers(markers[i], journey.EnrolledOn.AddDays(1 + i))), Rounds),
            Writer(i => Send(markerClients[1], "markers", $"/pathways/{id}/tumour-markers", Markers(markers[Rounds + i], journey.EnrolledOn.AddDays(1 + i))), Rounds),
            Writer(i => Send(scheduling, "dose", $"/pathways/{id}/therapy/lenvatinib/dose",
                new { effectiveOn = lenvatinibOn.AddDays(1 + i), dailyDoseMg = i % 2 == 0 ? 4m : 8m, reason = "Grade 2 fatigue (SCHED-HOLD)." }), Rounds),
            Writer(i => Send(surgery, "feasibility", $"/pathways/{id}/surgical-feasibility",
                new { assessedOn = journey.EnrolledOn.AddDays(1 + i), r0ResectionFeasible = i % 2 == 0, otherContraindication = false }), Rounds),
            Writer(i => Send(assessment, "adverse-event", $"/pathways/{id}/adverse-events", new
            {
                adverseEventId = adverseEvents[i], ctcaeTerm = "Rash maculo-papular", grade = 3, onsetOn = lenvatinibOn.AddDays(2 + i),
                treatmentRelated = true, suspectedDrugs = new[] { "camrelizumab" },
            }), adverseEvents.Length));

        var refused = answers.Where(a => a.Status != HttpStatusCode.OK).ToArray();
        Assert.True(refused.Length == 0, string.Join("\n", refused.Select(a => $"{a.Command}: {(int)a.Status} {a.Body}")));

        // The consumers' reactions (holds in Scheduling, readiness in Surgery planning) land too, once each.
        await Eventually.True(async () => (await Stream(id)).OfType<TreatmentHeld>().Select(h => h.AdverseEventId).Distinct().Count() == adverseEvents.Length,
            TimeSpan.FromSeconds(60), "a camrelizumab hold for each adverse event");
        await system.QuietFingerprint();

        await using var query = system.Store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(id);
        Assert.Equal(Enumerable.Range(1, stream.Count).Select(v => (long)v), stream.Select(e => e.Version));
        Assert.Equal(markers.Order(), stream.Select(e => e.Data).OfType<TumourMarkersRecorded>().Select(m => m.SampleId).Order());
        Assert.Equal(Rounds, stream.Count(e => e.Data is LenvatinibDoseChanged));
        Assert.Equal(Rounds, stream.Count(e => e.Data is SurgicalFeasibilityAssessed));
        Assert.Equal(adverseEvents.Order(), stream.Select(e => e.Data).OfType<AdverseEventReported>().Select(a => a.AdverseEventId).Order());
        var holds = stream.Select(e => e.Data).OfType<TreatmentHeld>().GroupBy(h => h.AdverseEventId).ToArray();
        Assert.All(holds, h => Assert.Single(h));

        // The same command with a version that is no longer current is still the caller's conflict.
        using var stale = new HttpRequestMessage(HttpMethod.Post, $"/pathways/{id}/tumour-markers")
        {
            Content = JsonContent.Create(Markers(Guid.NewGuid(), journey.EnrolledOn.AddDays(40))),
        };
        stale.Headers.IfMatch.Add(new EntityTagHeaderValue("\"3\""));
        using var staleAnswer = await markerClients[0].SendAsync(stale);
        Assert.Equal(HttpStatusCode.Conflict, staleAnswer.StatusCode);

        output.WriteLine($"{answers.Count} commands from three services and two consumers' reactions: {stream.Count} events, none refused.");
    }

    private static HttpClient Client<TApi>(PathwayServiceFactory<TApi> service, string who)
        where TApi : class => service.ClientAs(Roles.Coordinator, $"coordinator-hammer-{who}");

    private static object Markers(Guid sampleId, DateOnly sampledOn) => new
    {
        sampleId, sampledOn, afp = new { value = 400m, unit = "ng/mL" }, dcp = new { value = 300m, unit = "mAU/mL" },
    };

    private async Task<IReadOnlyList<object>> Stream(Guid id)
    {
        await using var query = system.Store.QuerySession();
        return (await query.Events.FetchStreamAsync(id)).Select(e => e.Data).ToArray();
    }
}
