using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using HccPathway.Contracts.Assessment;
using HccPathway.DemoData;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Xunit.Abstractions;

namespace HccPathway.Reliability.Tests;

/// <summary>
/// Coordinators updating one patient at once with the version they read: one write per version wins, every other
/// gets 409 and appends nothing, and after re-reading every command gets in. No update is lost or doubled.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ConcurrencyTests(ReliabilitySystem system, ITestOutputHelper output)
{
    private const int Coordinators = 8;

    [Fact]
    public async Task Stale_if_match_writes_get_409_and_the_stream_holds_exactly_the_accepted_commands()
    {
        var journey = await system.EnrolledPatient("MRN-CONCURRENCY");
        var pending = Enumerable.Range(0, Coordinators)
            .Select(i => (Client: system.Assessment.ClientAs(Roles.Coordinator, $"coordinator-{i}"), SampleId: Guid.NewGuid(), SampledOn: journey.EnrolledOn.AddDays(10 + i)))
            .ToList();
        var accepted = new List<(Guid SampleId, long Version)>();
        var losers = 0;
        var conflicts = 0;
        var rounds = 0;

        while (pending.Count > 0 && rounds++ < 50)
        {
            // Everyone reads the pathway, then everyone writes with the version they read.
            var versions = await Task.WhenAll(pending.Select(p => ReadVersion(p.Client, journey.PathwayId)));
            var results = await Task.WhenAll(pending.Select((p, i) => Write(p.Client, journey.PathwayId, versions[i], p.SampleId, p.SampledOn)));
            var winners = new List<int>();
            for (var i = 0; i < results.Length; i++)
            {
                if (results[i].Status == HttpStatusCode.OK)
                {
                    accepted.Add((pending[i].SampleId, results[i].Version));
                    winners.Add(i);
                }
                else
                {
                    losers++;
                    conflicts += results[i].Status == HttpStatusCode.Conflict && results[i].ProblemDetails ? 1 : 0;
                    Assert.Equal(HttpStatusCode.Conflict, results[i].Status);
                }
            }

            // All wrote with one version unless another service appended in between: at most one can win.
            Assert.True(winners.Count <= versions.Distinct().Count());
            pending = pending.Where((_, i) => !winners.Contains(i)).ToList();
        }

        Assert.Empty(pending);
        Assert.Equal(losers, conflicts);

        await using var query = system.Store.QuerySession();
        var stream = await query.Events.FetchStreamAsync(journey.PathwayId);
        var recorded = stream.Where(e => e.Data is TumourMarkersRecorded).ToArray();
        Assert.Equal(Coordinators, recorded.Length);
        Assert.Equal(
            accepted.Select(a => a.SampleId).Order(),
            recorded.Select(e => ((TumourMarkersRecorded)e.Data).SampleId).Order());

        // Each accepted command's events end at the version its response reported.
        Assert.All(accepted, a => Assert.Contains(recorded, e => ((TumourMarkersRecorded)e.Data).SampleId == a.SampleId && e.Version <= a.Version));
        output.WriteLine($"{Coordinators} coordinators, {rounds} rounds: {accepted.Count} accepted, {losers} stale writes, {conflicts} answered 409 problem details.");
    }

    private async Task<long> ReadVersion(HttpClient assessment, Guid pathwayId)
    {
        var scheduling = system.Scheduling.ClientAs(Roles.Coordinator, "reader");
        using var response = await scheduling.GetAsync($"/pathways/{pathwayId}/therapy");
        response.EnsureSuccessStatusCode();
        return long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(HttpStatusCode Status, long Version, bool ProblemDetails)> Write(
        HttpClient client, Guid pathwayId, long version, Guid sampleId, DateOnly sampledOn)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/pathways/{pathwayId}/tumour-markers")
        {
            Content = JsonContent.Create(new
            {
                sampleId, sampledOn, afp = new { value = 400m, unit = "ng/mL" }, dcp = new { value = 300m, unit = "mAU/mL" },
            }),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        using var response = await client.SendAsync(request);
        var written = response.Headers.ETag is { } tag ? long.Parse(tag.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) : -1;
        return (response.StatusCode, written, response.Content.Headers.ContentType?.MediaType == "application/problem+json");
    }
}
