using System.Net;
using System.Net.Http.Json;
using HccPathway.Contracts.Scheduling;
using HccPathway.DemoData;
using HccPathway.ServiceDefaults.Http.Idempotency;
using HccPathway.ServiceDefaults.Security;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace HccPathway.Reliability.Tests;

/// <summary>
/// The Idempotency-Key contract (docs/api/idempotency.md): a double click or a retry after a timeout records a dose
/// once, and every duplicate gets the original answer.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class IdempotencyTests(ReliabilitySystem system, ITestOutputHelper output)
{
    private const int Duplicates = 20;

    [Fact]
    public async Task Twenty_parallel_identical_dose_records_with_one_key_append_one_dose_and_all_get_the_original_response()
    {
        var journey = await system.EnrolledPatient("MRN-IDEM-DOSE");
        await journey.StartLenvatinib();
        await journey.PerformTace();
        var due = ConversionJourney.DueOn(ConversionJourney.Item(await journey.Therapy(), "camrelizumab", 1));
        var scheduling = system.Scheduling.ClientAs(Roles.Coordinator, "coordinator-double-click");
        var path = $"/pathways/{journey.PathwayId}/therapy/camrelizumab";
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, Duplicates).Select(_ => Send(scheduling, path, key, new { administeredOn = due })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.Status));
        Assert.Single(responses.Select(r => (r.Body, r.ETag)).Distinct());
        Assert.Single(responses, r => !r.Replayed);
        Assert.Equal(1, await Doses(journey.PathwayId));
        output.WriteLine($"{Duplicates} parallel submissions, 1 dose appended, {responses.Count(r => r.Replayed)} duplicates absorbed.");

        // A retry later: the same answer again, nothing appended.
        var retry = await Send(scheduling, path, key, new { administeredOn = due });
        Assert.True(retry.Replayed);
        Assert.Equal(responses[0].Body, retry.Body);
        Assert.Equal(1, await Doses(journey.PathwayId));

        // The same key with another body is a client error, not a second dose.
        var different = await Send(scheduling, path, key, new { administeredOn = due.AddDays(1) });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, different.Status);
        Assert.Equal("application/problem+json", different.ContentType);
        Assert.Equal(1, await Doses(journey.PathwayId));

        // Keys are per caller: another coordinator's identical key is another request (here the next dose is not due yet).
        var other = await Send(system.Scheduling.ClientAs(Roles.Coordinator, "another-coordinator"), path, key, new { administeredOn = due });
        Assert.False(other.Replayed);

        await using var query = system.Scheduling.Services.GetRequiredService<IDocumentStore>().QuerySession();
        Assert.Equal(1, await query.Query<IdempotencyRecord>().CountAsync(r => r.Endpoint.Contains("camrelizumab")));
    }

    [Fact]
    public async Task Twenty_parallel_registrations_with_one_key_open_one_pathway_with_one_location()
    {
        var intake = system.Intake.ClientAs(Roles.Coordinator, "coordinator-register");
        var key = Guid.NewGuid().ToString();
        var body = new
        {
            medicalRecordNumber = "MRN-IDEM-REG", fullName = "Twice Clicked", dateOfBirth = new DateOnly(1955, 5, 5), sex = "female",
            referralDate = ReliabilitySystem.Today.AddDays(-3), referringCentre = "City Hospital",
        };
        var before = await Registrations();

        var responses = await Task.WhenAll(Enumerable.Range(0, Duplicates).Select(_ => Send(intake, "/pathways", key, body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Single(responses.Select(r => (r.Body, r.ETag, r.Location)).Distinct());
        Assert.NotNull(responses[0].Location);
        Assert.Equal(before + 1, await Registrations());
        output.WriteLine($"{Duplicates} parallel registrations, 1 pathway opened, {responses.Count(r => r.Replayed)} duplicates absorbed.");
    }

    [Fact]
    public async Task An_expired_key_is_a_new_request_and_a_malformed_key_is_refused()
    {
        var journey = await system.EnrolledPatient("MRN-IDEM-EXPIRY");
        var scheduling = system.Scheduling.ClientAs(Roles.Coordinator, "coordinator-expiry");
        var tace = ConversionJourney.Item(await journey.Therapy(), "tace", 1);
        var due = ConversionJourney.DueOn(tace);
        var path = $"/pathways/{journey.PathwayId}/therapy/items/{tace.GetProperty("itemId").GetString()}/delay";
        var key = Guid.NewGuid().ToString();

        var first = await Send(scheduling, path, key, new { dueOn = due.AddDays(2), reason = "Theatre list full." });
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.True((await Send(scheduling, path, key, new { dueOn = due.AddDays(2), reason = "Theatre list full." })).Replayed);

        // The window passes (the record's expiry is moved into the past rather than waiting 24 hours).
        var store = system.Scheduling.Services.GetRequiredService<IDocumentStore>();
        await using (var session = store.LightweightSession())
        {
            var record = await session.Query<IdempotencyRecord>().SingleAsync(r => r.Endpoint.Contains("delay"));
            record.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            session.Store(record);
            await session.SaveChangesAsync();
        }

        // Decided afresh: the item is already due on that day, so the same body is now refused rather than replayed.
        var afterExpiry = await Send(scheduling, path, key, new { dueOn = due.AddDays(2), reason = "Theatre list full." });
        Assert.False(afterExpiry.Replayed);
        Assert.Equal(HttpStatusCode.BadRequest, afterExpiry.Status);

        // Expired records are also deleted in the background, without any request touching them.
        var purged = await Send(scheduling, path, Guid.NewGuid().ToString(), new { dueOn = due.AddDays(5), reason = "Theatre list full again." });
        Assert.Equal(HttpStatusCode.OK, purged.Status);
        await using (var session = store.LightweightSession())
        {
            var record = await session.Query<IdempotencyRecord>().SingleAsync(r => r.Endpoint.Contains("delay"));
            record.ExpiresAt = DateTimeOffset.UtcNow.AddMinutes(-1);
            session.Store(record);
            await session.SaveChangesAsync();
        }

        await HccPathway.Testing.Eventually.True(
            async () =>
            {
                await using var query = store.QuerySession();
                return !await query.Query<IdempotencyRecord>().AnyAsync(r => r.Endpoint.Contains("delay"));
            },
            ReliabilitySystem.PurgeInterval * 5, "the expired key to be purged");

        foreach (var bad in new[] { new string('k', IdempotentRequest.MaxKeyLength + 1), "has space", "ünicode" })
        {
            var refused = await Send(scheduling, path, bad, new { dueOn = due.AddDays(3), reason = "x" });
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Equal("application/problem+json", refused.ContentType);
        }
    }

    [Fact]
    public async Task Every_command_in_every_OpenAPI_document_declares_the_optional_Idempotency_Key_header()
    {
        var commands = 0;
        foreach (var host in system.All())
        {
            using var document = System.Text.Json.JsonDocument.Parse(await host.Client().GetStringAsync("/openapi/v1.json"));
            foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "post" or "put" or "patch" or "delete"))
                {
                    commands++;
                    var header = operation.Value.GetProperty("parameters").EnumerateArray()
                        .Single(p => p.GetProperty("name").GetString() == IdempotentRequest.Header);
                    Assert.Equal("header", header.GetProperty("in").GetString());
                    Assert.False(header.TryGetProperty("required", out var required) && required.GetBoolean());
                }
            }
        }

        Assert.True(commands >= 25, $"Only {commands} commands documented.");
    }

    private async Task<int> Doses(Guid pathwayId)
    {
        await using var query = system.Store.QuerySession();
        return (await query.Events.FetchStreamAsync(pathwayId)).Count(e => e.Data is CamrelizumabAdministered);
    }

    private Task<long> Registrations() =>
        system.CountEvents(HccPathway.Contracts.EventCatalog.Find(typeof(HccPathway.Contracts.Intake.PatientRegistered))!.Name);

    private static async Task<Reply> Send(HttpClient client, string path, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation(IdempotentRequest.Header, key);
        using var response = await client.SendAsync(request);
        return new Reply(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            response.Headers.ETag?.Tag,
            response.Headers.Location?.ToString(),
            response.Headers.Contains(IdempotentRequest.ReplayedHeader),
            response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record Reply(HttpStatusCode Status, string Body, string? ETag, string? Location, bool Replayed, string? ContentType);
}
