using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Testing;
using Npgsql;

namespace HccPathway.Deploy.Tests.Tenancy;

/// <summary>
/// Hospitals share one event store as Marten tenants (conjoined tenancy). A user of one hospital can neither read nor
/// write another hospital's pathways through any service, and the consumers' effects stay in the event's hospital.
/// </summary>
public sealed class HospitalIsolationTests(HospitalSystem system) : IClassFixture<HospitalSystem>
{
    private const string HospitalA = "hospital-a";
    private const string HospitalB = "hospital-b";
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<ConversionJourney> PlannedInHospitalA(string mrn)
    {
        var journey = await ConversionJourney.Register(system.Clinician(HospitalA), Today.AddDays(-30), mrn, "Tenant Patient", new DateOnly(1968, 4, 4));
        await journey.RecordBaseline();
        await journey.DecideEligibility();
        await journey.Enrol();
        await journey.Planned();
        await journey.BaselineImaging();
        return journey;
    }

    private static string[] PathwayReads(Guid id) =>
    [
        $"intake:/pathways/{id}",
        $"scheduling:/pathways/{id}/therapy",
        $"scheduling:/pathways/{id}/therapy/calendar.ics",
        $"assessment:/pathways/{id}/response",
        $"assessment:/pathways/{id}/tumour-markers",
        $"assessment:/pathways/{id}/adverse-events",
        $"surgery:/pathways/{id}/readiness",
        $"surgery:/pathways/{id}/mdt-suggestions",
        $"audit:/pathways/{id}/history",
        $"audit:/pathways/{id}/state",
        $"audit:/pathways/{id}/verification",
        $"audit:/pathways/{id}/fhir",
    ];

    [Fact]
    public async Task Another_hospitals_users_get_404_for_every_read_of_the_pathway_that_its_own_users_can_read()
    {
        var journey = await PlannedInHospitalA("MRN-TENANT-READ");

        foreach (var read in PathwayReads(journey.PathwayId))
        {
            Assert.Equal(HttpStatusCode.OK, (await Get(HospitalA, read)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await Get(HospitalB, read)).StatusCode);

            // A token without the claim belongs to the default hospital, which is a hospital like any other.
            Assert.Equal(HttpStatusCode.NotFound, (await Get(null, read)).StatusCode);
        }
    }

    [Fact]
    public async Task Lists_and_worklists_show_only_the_users_own_hospital()
    {
        var journey = await PlannedInHospitalA("MRN-TENANT-LIST");
        var id = journey.PathwayId.ToString();
        await Get(HospitalA, $"audit:/pathways/{id}/history");
        var window = $"from={Today.AddDays(-45):yyyy-MM-dd}&to={Today.AddDays(60):yyyy-MM-dd}";

        string[] lists =
        [
            "intake:/pathways?pageSize=200",
            $"scheduling:/worklist?{window}",
            "surgery:/readiness",
            "audit:/reads",
        ];
        foreach (var list in lists)
        {
            // Read models fed by messages (readiness, worklist) catch up a moment after the pathway is planned.
            await Eventually.True(
                async () =>
                {
                    var own = await Get(HospitalA, list);
                    Assert.Equal(HttpStatusCode.OK, own.StatusCode);
                    return (await own.Content.ReadAsStringAsync()).Contains(id, StringComparison.Ordinal);
                },
                TimeSpan.FromSeconds(30),
                $"the pathway in its own hospital's {list}");

            var other = await Get(HospitalB, list);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.DoesNotContain(id, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        foreach (var list in new[] { "surgery:/follow-up", "surgery:/mdt/agenda", "scheduling:/worklist.ics?" + window })
        {
            var other = await Get(HospitalB, list);
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
            Assert.DoesNotContain(id, await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_hospitals_users_cannot_write_to_the_pathway_and_it_is_left_unchanged()
    {
        var journey = await PlannedInHospitalA("MRN-TENANT-WRITE");
        var before = await StoredEvents(journey.PathwayId);
        var intruder = system.Clinician(HospitalB);

        Task<JsonElement>[] writes =
        [
            intruder.RecordBaseline(journey.PathwayId, ClinicalBodies.Baseline(journey.BaselineOn, 0)),
            intruder.DecideEligibility(journey.PathwayId),
            intruder.StartLenvatinib(journey.PathwayId, Today),
            intruder.RecordImaging(journey.PathwayId, ClinicalBodies.BaselineStudy(Today)),
            intruder.AssessFeasibility(journey.PathwayId, Today),
        ];
        foreach (var write in writes)
        {
            var refused = await Assert.ThrowsAsync<PathwayApiException>(() => write);
            Assert.Equal(404, refused.Status);
        }

        Assert.Equal(before, await StoredEvents(journey.PathwayId));
    }

    [Fact]
    public async Task Consumers_write_their_effects_in_the_events_hospital_and_the_relay_names_it()
    {
        var journey = await PlannedInHospitalA("MRN-TENANT-CONSUME");

        // Scheduling planned the regimen from the relayed enrolment: its events are in hospital A's stream.
        var stored = await StoredEvents(journey.PathwayId);
        Assert.Contains(stored, e => e.Type.StartsWith("scheduling.", StringComparison.Ordinal));
        Assert.All(stored, e => Assert.Equal(HospitalA, e.Tenant));

        var relayed = system.Wire.Received.Where(m => m.Header(RelayHeaders.PathwayId) == journey.PathwayId.ToString()).ToList();
        Assert.NotEmpty(relayed);
        Assert.All(relayed, m => Assert.Equal(HospitalA, m.Header(RelayHeaders.Hospital)));

        // Surgery planning built its checklist from the same messages, visible in hospital A only.
        await system.Clinician(HospitalA).ReadinessWhen(journey.PathwayId, _ => true, "the checklist in hospital A");
        Assert.Equal(HttpStatusCode.NotFound, (await Get(HospitalB, $"surgery:/pathways/{journey.PathwayId}/readiness")).StatusCode);
    }

    [Fact]
    public async Task The_same_request_in_two_hospitals_makes_two_separate_pathways()
    {
        var a = await system.Clinician(HospitalA).Register("MRN-TWIN", "Twin Patient", new DateOnly(1960, 1, 1), "female", Today, "City Hospital");
        var b = await system.Clinician(HospitalB).Register("MRN-TWIN", "Twin Patient", new DateOnly(1960, 1, 1), "female", Today, "City Hospital");

        Assert.NotEqual(a, b);
        var listA = await (await Get(HospitalA, "intake:/pathways?pageSize=200")).Content.ReadAsStringAsync();
        var listB = await (await Get(HospitalB, "intake:/pathways?pageSize=200")).Content.ReadAsStringAsync();
        Assert.Contains(a.ToString(), listA, StringComparison.Ordinal);
        Assert.DoesNotContain(b.ToString(), listA, StringComparison.Ordinal);
        Assert.Contains(b.ToString(), listB, StringComparison.Ordinal);
        Assert.DoesNotContain(a.ToString(), listB, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Consumer_queues_are_quorum_queues_on_the_real_broker()
    {
        await PlannedInHospitalA("MRN-TENANT-QUORUM");
        var queues = await Queues();
        var consumerQueues = queues.Where(q => !q.Name.EndsWith("_error", StringComparison.Ordinal)
                                               && !q.Name.EndsWith("_skipped", StringComparison.Ordinal)
                                               && (q.Name.StartsWith("scheduling-", StringComparison.Ordinal)
                                                   || q.Name.StartsWith("assessment-", StringComparison.Ordinal)
                                                   || q.Name.StartsWith("surgery-planning-", StringComparison.Ordinal)))
            .ToList();

        Assert.True(consumerQueues.Count >= 3, string.Join(", ", queues.Select(q => q.Name)));
        Assert.All(consumerQueues, q => Assert.Equal("quorum", q.Type));
    }

    private async Task<HttpResponseMessage> Get(string? hospital, string target)
    {
        var (service, path) = (target[..target.IndexOf(':', StringComparison.Ordinal)], target[(target.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var client = service switch
        {
            "intake" => system.Clinician(hospital).Intake,
            "scheduling" => system.Clinician(hospital).Scheduling,
            "assessment" => system.Clinician(hospital).Assessment,
            "surgery" => system.Clinician(hospital).Surgery,
            "audit" => system.Auditor(hospital),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
        return await client.GetAsync(path);
    }

    private async Task<IReadOnlyList<(long Version, string Type, string Tenant)>> StoredEvents(Guid pathwayId)
    {
        await using var dataSource = NpgsqlDataSource.Create(system.Infrastructure.Postgres);
        await using var command = dataSource.CreateCommand(
            $"select version, type, tenant_id from {system.Schemas.Events}.mt_events where stream_id = $1 order by seq_id");
        command.Parameters.Add(new NpgsqlParameter { Value = pathwayId });
        var rows = new List<(long, string, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
        }

        return rows;
    }

    private async Task<IReadOnlyList<(string Name, string Type)>> Queues()
    {
        var amqp = system.Infrastructure.RabbitMq;
        var management = new Uri(system.Infrastructure.RabbitMqManagement
                                 ?? Environment.GetEnvironmentVariable("HCC_RABBITMQ_MANAGEMENT")
                                 ?? throw new InvalidOperationException("HCC_RABBITMQ_MANAGEMENT is not set (deploy/local/infra-up.sh writes it)."));
        var user = amqp.UserInfo.Split(':', 2);
        using var http = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority)) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{Uri.UnescapeDataString(user[0])}:{Uri.UnescapeDataString(user[1])}")));
        var vhost = Uri.UnescapeDataString(amqp.AbsolutePath.TrimStart('/'));
        var queues = await http.GetFromJsonAsync<JsonElement>($"/api/queues/{Uri.EscapeDataString(vhost)}");
        return queues.EnumerateArray().Select(q => (q.GetProperty("name").GetString()!, q.GetProperty("type").GetString()!)).ToList();
    }
}
