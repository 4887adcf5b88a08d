using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HccPathway.Audit;
using HccPathway.Contracts;
using HccPathway.DemoData;
using HccPathway.Intake;
using HccPathway.ServiceDefaults.Security;
using HccPathway.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace HccPathway.Faults.Tests.Erasure;

/// <summary>
/// Right to erasure: after a clinician erases a patient's identity, no table of the run (events, streams, every
/// document of Intake and of the audit service) holds the name, record number or date of birth; the erasure is an event
/// without identifiers; the audit hash chain still verifies as intact (with a note); and the history replays to the same
/// clinical state as before.
/// </summary>
public sealed class IdentityErasureTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string FullName = "Perpetua Lindqvist-Oyelaran";
    private const string Mrn = "ERASE-MRN-5K2W8";
    private static readonly DateOnly DateOfBirth = new(1957, 11, 4);
    private static readonly string[] Identifiers = [FullName, "Lindqvist", Mrn, "1957-11-04"];

    private InfrastructureEndpoints infrastructure = null!;
    private IsolatedSchemas schemas = null!;
    private PathwayServiceFactory<IntakeApi> intake = null!;
    private PathwayServiceFactory<AuditApi> audit = null!;

    public async Task InitializeAsync()
    {
        infrastructure = await Infrastructure.GetAsync();
        schemas = IsolatedSchemas.New();
        intake = new PathwayServiceFactory<IntakeApi>(infrastructure, schemas, Owners.Intake);
        _ = intake.Server;
        audit = new PathwayServiceFactory<AuditApi>(infrastructure, schemas, AuditApi.ServiceName);
        _ = audit.Server;
    }

    [Fact]
    public async Task Erasure_removes_the_identity_everywhere_and_keeps_the_history_and_the_hash_chain_verifiable()
    {
        using var clinician = intake.ClientAs(Roles.Clinician, "dr-erasure");
        using var auditor = audit.ClientAs(Roles.Auditor, "auditor-erasure");
        var api = new PathwayClient(clinician, clinician, clinician, clinician);
        var enrolledOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-30);
        var journey = await ConversionJourney.Register(api, enrolledOn, Mrn, FullName, DateOfBirth, "female");
        await journey.RecordBaseline();
        await journey.DecideEligibility();
        await journey.Enrol();
        var id = journey.PathwayId;

        var sealedBefore = await Verified(auditor, id, 4);
        var stateBefore = await Json(auditor, $"/pathways/{id}/state?version=4");
        Assert.True(await RowsHolding(Identifiers) > 0, "The identity was never stored, so its absence would prove nothing.");

        // Who may erase: clinicians only; a reference is required.
        using var coordinator = intake.ClientAs(Roles.Coordinator);
        using var intakeAuditor = intake.ClientAs(Roles.Auditor);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.PostAsJsonAsync($"/pathways/{id}/identity-erasure", new { requestReference = "DPR-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await intakeAuditor.PostAsJsonAsync($"/pathways/{id}/identity-erasure", new { requestReference = "DPR-1" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await clinician.PostAsJsonAsync($"/pathways/{id}/identity-erasure", new { requestReference = " " })).StatusCode);

        var erased = await clinician.PostAsJsonAsync($"/pathways/{id}/identity-erasure", new { requestReference = "DPR-2026-0117" });
        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clinician.PostAsJsonAsync($"/pathways/{id}/identity-erasure", new { requestReference = "DPR-2026-0117" })).StatusCode);

        // Gone from every row of every table of this run: events, streams, Intake's documents, the audit service's documents.
        Assert.Equal(0, await RowsHolding(Identifiers));

        var summary = await Json(clinician, $"/pathways/{id}");
        Assert.Equal("masked", summary.GetProperty("fullName").GetString());
        Assert.Equal("masked", summary.GetProperty("medicalRecordNumber").GetString());
        Assert.Equal("Enrolled", summary.GetProperty("phase").GetString());
        Assert.True(summary.GetProperty("eligible").GetBoolean());

        // The chain verifies, the erasure event is sealed after the others, and the erasure is noted, not reported as tampering.
        var verification = await Verified(auditor, id, 5);
        output.WriteLine(verification.ToString());
        Assert.Contains(verification.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("erased", StringComparison.Ordinal));
        Assert.Equal(5, verification.GetProperty("eventsChecked").GetInt32());
        Assert.Equal(sealedBefore.GetProperty("eventsChecked").GetInt32() + 1, verification.GetProperty("eventsChecked").GetInt32());

        // The history replays to the same clinical state at version 4, and the erasure is the fifth event.
        var stateAfter = await Json(auditor, $"/pathways/{id}/state?version=4");
        Assert.Equal(Without(stateBefore, "knownUpTo"), Without(stateAfter, "knownUpTo"));
        var history = await Json(auditor, $"/pathways/{id}/history");
        var names = history.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(
            ["intake.patient-registered.v1", "intake.baseline-assessed.v1", "intake.eligibility-decided.v1", "intake.patient-enrolled.v1",
             "intake.patient-identity-erased.v1"],
            names);
    }

    private async Task<JsonElement> Verified(HttpClient auditor, Guid id, long version)
    {
        JsonElement last = default;
        await Eventually.True(async () =>
        {
            last = await Json(auditor, $"/pathways/{id}/verification");
            return last.GetProperty("status").GetString() == "intact" && last.GetProperty("sealedVersion").GetInt64() == version;
        }, TimeSpan.FromSeconds(30), $"the chain sealed to version {version} and intact");
        return last;
    }

    /// <summary>Rows, in any table of this run's schemas, whose whole text holds any of <paramref name="needles"/>.</summary>
    private async Task<long> RowsHolding(IReadOnlyList<string> needles)
    {
        await using var connection = new NpgsqlConnection(infrastructure.Postgres);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' and table_schema = any(@schemas)", connection))
        {
            list.Parameters.AddWithValue("schemas", new[] { schemas.Events, schemas.DocumentsOf(Owners.Intake), schemas.DocumentsOf(AuditApi.ServiceName) });
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add($"\"{reader.GetString(0)}\".\"{reader.GetString(1)}\"");
            }
        }

        Assert.Contains(tables, t => t.Contains("mt_events", StringComparison.Ordinal));
        Assert.Contains(tables, t => t.Contains("mt_doc_patientsummary", StringComparison.Ordinal));
        long found = 0;
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"select count(*) from {table} t where t::text ilike any(@patterns)", connection);
            count.Parameters.AddWithValue("patterns", needles.Select(n => $"%{n}%").ToArray());
            var rows = (long)(await count.ExecuteScalarAsync())!;
            if (rows > 0)
            {
                output.WriteLine($"{table}: {rows} row(s) hold an identifier");
            }

            found += rows;
        }

        return found;
    }

    private static async Task<JsonElement> Json(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static string Without(JsonElement json, string property) =>
        new System.Text.Json.Nodes.JsonObject(json.EnumerateObject()
            .Where(p => p.Name != property)
            .Select(p => KeyValuePair.Create(p.Name, System.Text.Json.Nodes.JsonNode.Parse(p.Value.GetRawText())))).ToJsonString();

    public async Task DisposeAsync()
    {
        await audit.DisposeAsync();
        await intake.DisposeAsync();
    }
}
