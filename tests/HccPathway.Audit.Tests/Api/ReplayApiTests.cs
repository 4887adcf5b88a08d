using System.Text.Json;
using HccPathway.Audit.Tests.Support;
using HccPathway.Contracts;

namespace HccPathway.Audit.Tests.Api;

public sealed class ReplayApiTests(AuditService service) : IClassFixture<AuditService>
{
    private readonly HttpClient auditor = service.Auditor();

    private static JsonElement At(IReadOnlyList<JsonElement> history, string name) =>
        history.Last(i => i.GetProperty("name").GetString() == name);

    [Fact]
    public async Task The_state_as_known_at_three_instants_holds_only_what_was_recorded_by_then()
    {
        var id = await service.Record(new Story(Guid.NewGuid()));
        var history = (await auditor.History(id)).Items();

        var atEligibility = await auditor.State(id, "asOf=" + At(history, "intake.eligibility-decided.v1").Instant());
        var atHold = await auditor.State(id, "asOf=" + At(history, "scheduling.treatment-held.v1").Instant());
        var atMdt = await auditor.State(id, "asOf=" + At(history, "surgery-planning.mdt-decision-recorded.v1").Instant());

        Assert.Equal("eligible", atEligibility.GetProperty("phase").GetString());
        Assert.Equal(JsonValueKind.Null, atEligibility.GetProperty("regimen").ValueKind);

        Assert.Equal("conversion-therapy", atHold.GetProperty("phase").GetString());
        var regimen = atHold.GetProperty("regimen");
        Assert.Equal([Drugs.Camrelizumab], regimen.GetProperty("holds").EnumerateArray().Select(h => h.GetProperty("drug").GetString()));
        Assert.Equal(1, regimen.GetProperty("taceSessions").GetInt32());
        Assert.Equal(JsonValueKind.Null, atHold.GetProperty("latestResponse").ValueKind);

        // What the MDT knew when it decided to resect: PR under mRECIST, SD under RECIST, nothing held, no washout yet.
        Assert.Equal("surgery-planned", atMdt.GetProperty("phase").GetString());
        Assert.Equal("PR", atMdt.GetProperty("latestResponse").GetProperty("mrecistCategory").GetString());
        Assert.Equal("SD", atMdt.GetProperty("latestResponse").GetProperty("recistCategory").GetString());
        Assert.Empty(atMdt.GetProperty("regimen").GetProperty("holds").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, atMdt.GetProperty("washout").ValueKind);
        Assert.Equal("ready", atMdt.GetProperty("readiness").GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, atMdt.GetProperty("resection").ValueKind);
        Assert.Equal(JsonValueKind.Null, atHold.GetProperty("readiness").ValueKind);
        Assert.Equal(At(history, "surgery-planning.mdt-decision-recorded.v1").GetProperty("version").GetInt64(), atMdt.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task A_skipped_dose_replays_as_skipped_and_exports_as_a_cancelled_activity()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 6);
        await service.Append(id, "coordinator-1", false, new Contracts.Scheduling.TherapyItemSkipped(
            id, "CAM-2", Contracts.Scheduling.TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab, Story.Day0.AddDays(49),
            "Patient travelling", "coordinator-1", DateTimeOffset.UtcNow));

        var state = await auditor.State(id, "");
        var items = state.GetProperty("regimen").GetProperty("items");
        var bundle = await auditor.GetStringAsync($"/pathways/{id}/fhir");

        Assert.Equal("skipped", items.GetProperty("CAM-2").GetProperty("status").GetString());
        Assert.Equal("planned", items.GetProperty("CAM-1").GetProperty("status").GetString());
        var carePlan = JsonDocument.Parse(bundle).RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource")).Single(r => r.GetProperty("resourceType").GetString() == "CarePlan");
        var cam2 = carePlan.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("detail"))
            .Single(d => d.GetProperty("description").GetString()!.StartsWith("CAM-2 ", StringComparison.Ordinal));
        Assert.Equal("cancelled", cam2.GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_overdue_dose_replays_as_overdue_from_its_version_and_as_planned_again_once_rescheduled()
    {
        var story = new Story(Guid.NewGuid());
        var id = await service.Record(story, steps: 6);
        var dueOn = Story.Day0.AddDays(49);
        await service.Append(id, "scheduling-deadlines", false, new Contracts.Scheduling.TherapyItemOverdue(
            id, "CAM-2", Contracts.Scheduling.TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab, dueOn, dueOn.AddDays(4), 3, 0,
            "SCHED-DUE", "2026.1", DateTimeOffset.UtcNow));
        var overdueVersion = (await auditor.History(id)).Items().Last().GetProperty("version").GetInt64();
        var bundleWhileOverdue = await auditor.GetStringAsync($"/pathways/{id}/fhir");
        await service.Append(id, "coordinator-1", false, new Contracts.Scheduling.TherapyItemRescheduled(
            id, "CAM-2", Contracts.Scheduling.TherapyItemTypes.Camrelizumab, Drugs.Camrelizumab, dueOn, dueOn.AddDays(10),
            "rescheduled", null, "Patient back from travel", "SCHED-SKIP", "2026.1", "coordinator-1", DateTimeOffset.UtcNow));

        var before = await auditor.State(id, $"version={overdueVersion - 1}");
        var atOverdue = await auditor.State(id, $"version={overdueVersion}");
        var now = await auditor.State(id);

        static string? Status(JsonElement state) =>
            state.GetProperty("regimen").GetProperty("items").GetProperty("CAM-2").GetProperty("status").GetString();
        Assert.Equal("planned", Status(before));
        Assert.Equal("overdue", Status(atOverdue));
        Assert.Equal("planned", Status(now));
        var carePlan = JsonDocument.Parse(bundleWhileOverdue).RootElement.GetProperty("entry").EnumerateArray()
            .Select(e => e.GetProperty("resource")).Single(r => r.GetProperty("resourceType").GetString() == "CarePlan");
        var cam2 = carePlan.GetProperty("activity").EnumerateArray().Select(a => a.GetProperty("detail"))
            .Single(d => d.GetProperty("description").GetString()!.StartsWith("CAM-2 ", StringComparison.Ordinal));
        Assert.Equal("not-started", cam2.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_state_by_version_and_before_anything_was_recorded()
    {
        var id = await service.Record(new Story(Guid.NewGuid()));
        var first = (await auditor.History(id)).Items()[0].GetProperty("recordedAt").GetDateTimeOffset();

        var atFour = await auditor.State(id, "version=4");
        var before = await auditor.State(id, "asOf=" + Uri.EscapeDataString(first.AddMilliseconds(-1).ToString("O")));
        var now = await auditor.State(id);

        Assert.Equal(("enrolled", 4), (atFour.GetProperty("phase").GetString(), atFour.GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("phase").ValueKind);
        Assert.Equal(0, before.GetProperty("version").GetInt32());
        Assert.Equal("adjuvant-therapy", now.GetProperty("phase").GetString());
    }
}
